"""The web form's own words: the label and the hint of every box, in the office's Vietnamese.

The clerks who use the form have never seen the YAML file, so these texts speak of boxes: what to
write in each one, what an empty box means, what the document prints. They name no field of the
file, show no quoting or escape, and no date pattern (dates and times are picked in the browser's
own boxes). :mod:`minutes.schema_fields` keeps the descriptions for editors of the file (VS Code's
hover on the JSON Schema), which must speak of fields and of YAML: the two audiences are apart, and
so are their texts. Data only; ``tests/test_web_form.py`` checks that every field of the format has
a label here, and that no hint slips back into the file's terms.
"""

from __future__ import annotations

_PARAGRAPHS = "Mỗi dòng là một đoạn: nhấn Enter để sang đoạn mới."
_STYLES = " Viết **chữ đậm**, *chữ nghiêng*; dòng bắt đầu bằng - là một ý."
LONG = _PARAGRAPHS + _STYLES
"""The hint of every box of paragraphs."""
_COUNT = ""
_PERSONS = "Mỗi người một dòng; một nhóm người ghi bằng một dòng chữ."
_BREAK = " Nhấn Enter để xuống dòng đúng chỗ muốn ngắt."
_TIME = "Chọn ngày trong lịch, hoặc gõ số."
_SHARE = "Để trống: tính trên số phiếu hợp lệ."
_DECIMALS = "Số chữ số sau dấu phẩy của tỷ lệ phần trăm. Để trống: 1."

FIELDS: dict[str, dict[str, tuple[str, str]]] = {
    "Minutes": {
        "profile": (
            "Thể thức",
            "Nhà nước: văn bản hành chính (Mẫu 1.9). Đảng: văn bản của tổ chức đảng, theo"
            " hướng dẫn còn hiệu lực vào ngày họp, hoặc đúng một hướng dẫn.",
        ),
        "organization": ("Cơ quan ban hành", ""),
        "number": ("Số biên bản", "Chỉ ghi số, ví dụ 5. Để trống để văn thư điền tay."),
        "symbol": (
            "Ký hiệu",
            "Viết liền, không có dấu cách, ví dụ BB-UBND (Nhà nước), BB/ĐU (Đảng).",
        ),
        "confidential": ("Độ mật", "Để trống nếu không mật; ví dụ MẬT."),
        "place": (
            "Địa danh",
            "Nơi ban hành, in trước ngày tháng, ví dụ Thái Bình. Bắt buộc với thể thức Đảng.",
        ),
        "date": ("Ngày ghi biên bản", "Chọn trong lịch, hoặc gõ số."),
        "place_date": (
            "Dòng địa danh, ngày tháng",
            "Theo thể thức: văn bản Đảng in dòng này, Mẫu 1.9 của Nhà nước không in.",
        ),
        "title": (
            "Trích yếu (tên cuộc họp)",
            "Ví dụ: Hội nghị Ban Thường vụ Tỉnh ủy lần thứ 100.",
        ),
        "kind": (
            "Gọi cuộc họp là",
            "Từ dùng trong các câu của biên bản: cuộc họp, hội nghị, đại hội, kỳ họp … Để "
            "trống: cuộc họp (Nhà nước), hội nghị (Đảng).",
        ),
        "start": (
            "Bắt đầu",
            _TIME + " Để trống giờ nếu chưa biết: biên bản chừa chỗ để ghi tay.",
        ),
        "end": (
            "Kết thúc",
            "Giờ kết thúc. Chỉ chọn ngày khi cuộc họp kết thúc vào một ngày khác.",
        ),
        "location": ("Địa điểm", "Ví dụ: Hội trường Ủy ban nhân dân phường Tân Hưng."),
        "chair": ("Chủ trì (chủ tọa)", "Một hoặc nhiều người chủ trì."),
        "secretary": ("Thư ký (người ghi biên bản)", "Một hoặc nhiều người ghi biên bản."),
        "presidium": (
            "Đoàn Chủ tịch",
            "Của đại hội, hội nghị lớn. Có Đoàn Chủ tịch thì có thể không ghi người chủ trì.",
        ),
        "counting_board": (
            "Ban kiểm phiếu",
            "Mỗi thành viên một dòng, chức vụ ghi Trưởng ban, Ủy viên.",
        ),
        "boards": (
            "Các ban, tổ khác",
            "Ví dụ Ban Thẩm tra tư cách đại biểu, Tổ kiểm phiếu, người làm chứng: tên ban và các "
            "thành viên.",
        ),
        "members": (
            "Số thành viên",
            "Ghi số nào biết số ấy; ô để trống thì không in, không đoán.",
        ),
        "members_label": (
            "Gọi thành viên là",
            "Ví dụ: Ủy viên Ban Thường vụ Tỉnh ủy. Để trống: Thành viên.",
        ),
        "members_present": (
            "Số thành viên có mặt",
            "Để trống để đếm theo danh sách có mặt.",
        ),
        "members_total": (
            "Tổng số thành viên",
            "Để ghi có mặt 15/17. Để trống: có mặt cộng vắng mặt.",
        ),
        "attendees": ("Có mặt", _PERSONS + " Ví dụ: Các đồng chí Ủy viên Ban Thường vụ."),
        "absent": ("Vắng mặt", "Mỗi người một dòng, với lý do vắng mặt nếu có."),
        "invited": ("Khách mời", "Đại biểu mời dự. " + _PERSONS),
        "documents": ("Tài liệu sử dụng tại cuộc họp", "Mỗi tài liệu một dòng."),
        "other_info": (
            "Thông tin khác",
            "Thông tin khác về cuộc họp (Hướng dẫn 16-HD/VPTW), nếu có. " + LONG,
        ),
        "agenda": ("Các vấn đề", "Các vấn đề theo thứ tự diễn biến cuộc họp."),
        "sessions": (
            "Các phiên họp",
            "Khi cuộc họp có nhiều phiên hoặc nhiều ngày: mỗi phiên có tên, thời gian và các vấn "
            "đề của phiên.",
        ),
        "discussion": ("Ý kiến thảo luận chung", LONG),
        "conclusion": ("Kết luận chung", LONG),
        "parts": (
            "Các phần chung",
            "Đoạn văn, bảng, biểu quyết, bầu cử, kết luận của cả cuộc họp, in sau các vấn đề, "
            "theo thứ tự.",
        ),
        "closing": (
            "Đoạn kết",
            "Các đoạn trước dòng kết thúc, ví dụ Biên bản đã được đọc lại và thông qua. " + LONG,
        ),
        "closing_line": (
            "Dòng kết thúc",
            "Để trống để in dòng kết thúc theo giờ kết thúc. Hoặc tự ghi, ví dụ Biên bản lập "
            "xong vào hồi 16 giờ 30 phút cùng ngày.",
        ),
        "attachments": (
            "Tài liệu kèm theo biên bản",
            "Mỗi tài liệu một dòng; biên bản ghi Kèm theo và tên các tài liệu.",
        ),
        "appendices": (
            "Phụ lục",
            "In sau chữ ký, mỗi phụ lục trên trang riêng, đánh số Phụ lục I, II …",
        ),
        "signatures": (
            "Người ký",
            "Để trống để ký theo thể thức: thư ký và người chủ trì. Thêm người ký khi cần ký khác.",
        ),
        "recipients": (
            "Nơi nhận",
            "Mỗi nơi nhận một dòng. Dòng Lưu: VT … được thêm tự động nếu chưa có.",
        ),
        "data": (
            "Số liệu dùng trong nội dung",
            "Đặt tên cho một số liệu rồi viết vào nội dung, ví dụ {{ data.doanh_thu | "
            "money('tỷ đồng') }} in ra 12.181 tỷ đồng.",
        ),
    },
    "Organization": {
        "name": ("Tên cơ quan, tổ chức", "Ví dụ: Ủy ban nhân dân phường Tân Hưng." + _BREAK),
        "parent": ("Cơ quan cấp trên", "Cơ quan chủ quản hoặc cấp ủy cấp trên, nếu có." + _BREAK),
    },
    "Person": {
        "honorific": ("Danh xưng", "Chọn — để ghi theo thể thức (văn bản Đảng ghi đồng chí)."),
        "name": ("Họ và tên", ""),
        "position": ("Chức vụ", ""),
        "line": ("Dòng chữ", "Ví dụ: Các đồng chí Ủy viên Ban Chấp hành Đảng bộ xã."),
        "count": ("Số người", "Số người dòng chữ này chỉ, nếu biết, để đếm số có mặt."),
    },
    "AbsentPerson": {
        "honorific": ("Danh xưng", "Chọn — để ghi theo thể thức."),
        "name": ("Họ và tên", ""),
        "position": ("Chức vụ", ""),
        "line": ("Dòng chữ", "Ví dụ: Hai đồng chí Ủy viên Ban Chấp hành."),
        "count": ("Số người", "Số người vắng mặt dòng chữ này chỉ, nếu biết."),
        "reason": ("Lý do vắng mặt", "Ví dụ: đi công tác."),
        "excused": ("Có lý do không", ""),
    },
    "Members": {
        "label": ("Gọi thành viên là", "Ví dụ: Đảng viên, Ủy viên Ban Chấp hành, Cổ đông."),
        "unit": (
            "Đơn vị đếm",
            "Ví dụ: đồng chí, người, đại biểu. Để trống: đồng chí (Đảng), người (Nhà nước).",
        ),
        "total": ("Tổng số", _COUNT),
        "categories": (
            "Từng loại thành viên",
            "Ví dụ chính thức, dự bị: tổng số và số có mặt của từng loại.",
        ),
        "exempt": ("Miễn sinh hoạt", "Số thành viên không phải dự họp."),
        "exempt_label": (
            "Gọi số miễn là",
            "Để trống: miễn sinh hoạt (Đảng), được miễn (Nhà nước).",
        ),
        "present": ("Có mặt", "Để trống để đếm theo danh sách có mặt."),
        "absent": ("Vắng mặt", "Để trống để đếm theo danh sách vắng mặt."),
        "excused": ("Vắng có lý do", _COUNT),
        "unexcused": ("Vắng không lý do", _COUNT),
        "voters": (
            "Số người có quyền biểu quyết",
            "Khi không phải mọi người có mặt đều biểu quyết, ví dụ chỉ đảng viên chính thức.",
        ),
        "voters_label": (
            "Gọi người biểu quyết là",
            "Ví dụ: đảng viên chính thức có mặt.",
        ),
        "represented": (
            "Đại diện cho",
            "Số mà người có mặt đại diện, theo đơn vị khác: cổ phần của cổ đông, số hộ.",
        ),
        "include_chair": (
            "Tính cả người chủ trì",
            "Khi đếm theo danh sách có mặt, người chủ trì chưa có tên trong danh sách vẫn được "
            "tính.",
        ),
        "include_secretary": (
            "Tính cả thư ký",
            "Khi đếm theo danh sách có mặt, tính cả thư ký chưa có tên trong danh sách.",
        ),
    },
    "MemberCategory": {
        "label": ("Loại", "Ví dụ: chính thức, dự bị."),
        "total": ("Tổng số", _COUNT),
        "present": ("Có mặt", _COUNT),
    },
    "Represented": {
        "present": ("Có mặt đại diện cho", "Ví dụ số cổ phần của các cổ đông có mặt."),
        "total": ("Tổng số", "Ví dụ tổng số cổ phần có quyền biểu quyết."),
        "unit": ("Đơn vị", "Ví dụ: cổ phần, hộ."),
        "label": ("In sau đơn vị", "Ví dụ: có quyền biểu quyết."),
    },
    "Board": {
        "label": ("Tên ban, tổ", "Ví dụ: Ban Thẩm tra tư cách đại biểu."),
        "members": ("Thành viên", ""),
    },
    "AgendaItem": {
        "title": ("Tên vấn đề", ""),
        "presenter": ("Người trình bày", "Người hoặc cơ quan trình bày; có thể nhiều người."),
        "content": ("Nội dung trình bày", LONG),
        "figures_caption": ("Dòng dẫn trước bảng số liệu", ""),
        "figures": ("Bảng số liệu", "Mỗi dòng một chỉ tiêu, với số liệu và đơn vị tính."),
        "discussion": ("Ý kiến thảo luận", LONG),
        "conclusion": ("Kết luận", LONG),
        "votes": ("Biểu quyết", ""),
        "parts": (
            "Diễn biến",
            "Các phần của vấn đề theo thứ tự diễn ra: đoạn văn, bảng, thảo luận, biểu quyết, bỏ "
            "phiếu kín, bầu cử, kết luận. Chọn loại phần rồi nhấn Thêm.",
        ),
    },
    "Figure": {
        "label": ("Chỉ tiêu", "Ví dụ: Doanh thu năm 2017."),
        "value": (
            "Số liệu",
            "Số viết như trong văn bản (12.181 hoặc 12181; phần lẻ sau dấu phẩy: 317,35) hoặc "
            "chữ, in đúng như đã gõ.",
        ),
        "unit": ("Đơn vị tính", "Ví dụ: tỷ đồng, ha, người, %."),
    },
    "Vote": {
        "question": ("Biểu quyết về", "Ví dụ: thông qua Nghị quyết Chi bộ tháng 11."),
        "for": ("Tán thành", _COUNT),
        "against": ("Không tán thành", "Để trống thì không in."),
        "abstain": ("Không biểu quyết", "Để trống thì không in."),
        "invalid": ("Không hợp lệ", "Số phiếu, thẻ biểu quyết không hợp lệ, nếu có."),
        "base": (
            "Số người biểu quyết",
            "Để trống: số người có quyền biểu quyết, nếu không thì số người có mặt.",
        ),
        "base_label": ("Gọi người biểu quyết là", "Ví dụ: đảng viên chính thức có mặt."),
        "unit": ("Đơn vị", "Ví dụ: đồng chí, đại biểu, cổ phần."),
        "share_of": (
            "Tính tỷ lệ trên",
            "Một số khác số người biểu quyết, ví dụ tổng số đại biểu Hội đồng nhân dân.",
        ),
        "share_label": ("Gọi số ấy là", "In sau tỷ lệ, ví dụ tổng số đại biểu."),
        "decimals": ("Số chữ số thập phân", _DECIMALS),
        "labels": ("Từ ngữ khác", "Thay cho tán thành, không tán thành, không biểu quyết."),
    },
    "VoteLabels": {
        "for": ("Thay cho tán thành", "Ví dụ: nhất trí."),
        "against": ("Thay cho không tán thành", "Ví dụ: không nhất trí."),
        "abstain": ("Thay cho không biểu quyết", "Ví dụ: không có ý kiến."),
        "invalid": ("Thay cho không hợp lệ", "Ví dụ: phiếu không hợp lệ."),
    },
    "Ballot": {
        "question": ("Bỏ phiếu kín về", "Ví dụ: đề nghị kết nạp quần chúng Nguyễn Văn Hòa."),
        "issued": ("Phiếu phát ra", _COUNT),
        "returned": ("Phiếu thu về", _COUNT),
        "valid": ("Phiếu hợp lệ", _COUNT),
        "invalid": ("Phiếu không hợp lệ", _COUNT),
        "options": (
            "Các phương án",
            "Ví dụ Đồng ý, Không đồng ý, và số phiếu của mỗi phương án.",
        ),
        "share_of": ("Tính tỷ lệ trên", _SHARE),
        "share_label": ("Gọi số ấy là", "In sau tỷ lệ, ví dụ tổng số đảng viên chính thức."),
        "decimals": ("Số chữ số thập phân", _DECIMALS),
        "unit": ("Đơn vị", "Để trống: phiếu."),
    },
    "BallotOption": {
        "label": ("Phương án", "Ví dụ: Đồng ý."),
        "votes": ("Số phiếu", _COUNT),
    },
    "Election": {
        "title": ("Bầu", "Ví dụ: Bầu Ban Chấp hành Đảng bộ xã khóa I, nhiệm kỳ 2025 - 2030."),
        "seats": ("Số lượng được bầu", _COUNT),
        "issued": ("Phiếu phát ra", _COUNT),
        "returned": ("Phiếu thu về", _COUNT),
        "valid": ("Phiếu hợp lệ", _COUNT),
        "invalid": ("Phiếu không hợp lệ", _COUNT),
        "candidates": ("Người ứng cử", "Mỗi người một dòng, với số phiếu bầu và kết quả."),
        "share_of": ("Tính tỷ lệ trên", _SHARE),
        "share_label": ("Gọi số ấy là", "In sau tỷ lệ, ví dụ tổng số đại biểu."),
        "decimals": ("Số chữ số thập phân", _DECIMALS),
        "order": ("Thứ tự trong bảng", ""),
        "cumulative": (
            "Bầu dồn phiếu",
            "Công ty cổ phần: một người có thể nhận nhiều phiếu bầu của một cổ đông.",
        ),
        "unit": ("Đơn vị", "Để trống: phiếu. Ví dụ: cổ phần."),
        "labels": ("Cách ghi kết quả", "Thay cho Trúng cử, Không trúng cử."),
    },
    "ElectionLabels": {
        "elected": ("Thay cho Trúng cử", "Ví dụ: Được đề nghị."),
        "not_elected": ("Thay cho Không trúng cử", "Ví dụ: Không được đề nghị."),
    },
    "Candidate": {
        "name": ("Họ và tên", ""),
        "position": ("Chức vụ, đơn vị", ""),
        "votes": ("Số phiếu", _COUNT),
        "elected": ("Kết quả", ""),
        "outcome": ("Kết quả ghi bằng lời", "Ví dụ: Trúng cử đại biểu dự khuyết."),
    },
    "Table": {
        "caption": ("Tên bảng", "Dòng in ngay trước bảng."),
        "numbered": ("Thêm cột số thứ tự (TT)", ""),
        "columns": ("Các cột", "Thêm, đổi chỗ, xóa cột ở đây; các ô của mỗi dòng theo cột."),
        "rows": (
            "Các dòng",
            "Mỗi ô một giá trị. Chọn dòng nhóm để ghi một dòng chữ suốt bề ngang bảng, ví dụ "
            "I. Nâng lương thường xuyên.",
        ),
        "total": (
            "Dòng tổng cộng",
            "Tên dòng, ví dụ Tổng cộng: các cột có đánh dấu Cộng tổng được cộng.",
        ),
        "note": ("Ghi chú dưới bảng", LONG),
    },
    "Column": {
        "title": ("Tiêu đề cột", ""),
        "format": ("Cách viết ô", "Ô số được in 12.418.730; như đã gõ: in đúng chữ trong ô."),
        "decimals": ("Số lẻ", "Số chữ số sau dấu phẩy."),
        "align": ("Căn lề", ""),
        "width": ("Độ rộng", "So với các cột khác, ví dụ 3 và 1; trống: theo chữ."),
        "sum": ("Cộng tổng", "Cộng ở dòng tổng."),
    },
    "TextPart": {"text": ("Đoạn văn", LONG)},
    "TablePart": {"table": ("Bảng", "")},
    "DiscussionPart": {
        "discussion": ("Ý kiến thảo luận", LONG),
        "label": ("Dòng tiêu đề", "Để trống: Ý kiến thảo luận. Ví dụ: Ý kiến tham gia."),
    },
    "ConclusionPart": {
        "conclusion": ("Kết luận", LONG),
        "label": ("Dòng tiêu đề", "Để trống: Kết luận. Ví dụ: Đồng chí Bí thư kết luận."),
    },
    "VotePart": {"vote": ("Biểu quyết", "")},
    "BallotPart": {"ballot": ("Bỏ phiếu kín", "")},
    "ElectionPart": {"election": ("Bầu cử", "")},
    "Session": {
        "title": ("Tên phiên", "Ví dụ: Phiên trù bị, Phiên chính thức, Buổi chiều."),
        "start": ("Bắt đầu", _TIME),
        "end": ("Kết thúc", "Giờ kết thúc. Chỉ chọn ngày khi phiên kết thúc vào ngày khác."),
        "location": ("Địa điểm", "Khi khác địa điểm chung của cuộc họp."),
        "chair": ("Chủ trì phiên", "Nếu khác người chủ trì chung."),
        "agenda": ("Các vấn đề của phiên", ""),
        "parts": ("Các phần khác của phiên", "Khi phiên không chia thành vấn đề."),
    },
    "Signer": {
        "authority": (
            "Thẩm quyền ký",
            "Ví dụ: T/M CHI BỘ, TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH." + _BREAK,
        ),
        "title": ("Chức danh", "Ví dụ: BÍ THƯ, CHỦ TỌA, THƯ KÝ." + _BREAK),
        "note": ("Dòng ghi chú", "In nghiêng dưới chức danh, ví dụ (Ký, ghi rõ họ tên)."),
        "name": ("Họ và tên", "Không ghi học hàm, danh xưng."),
    },
    "Appendix": {
        "title": ("Tên phụ lục", "Ví dụ: Danh sách cổ đông dự họp."),
        "content": ("Nội dung", LONG),
        "table": ("Bảng", ""),
        "parts": ("Các phần khác", ""),
    },
}
"""Label and hint of every box, by the model's class name and the field's name in the file."""

DATA_ROW: dict[str, tuple[str, str]] = {
    "key": ("Tên", "Chữ không dấu, chữ số và dấu gạch dưới, ví dụ doanh_thu_2017."),
    "value": ("Giá trị", "Số viết như trong văn bản: 12.181 hoặc 12181, phần lẻ sau dấu phẩy."),
    "kind": ("Là", "Chữ: in đúng như đã gõ, kể cả chữ số."),
}
"""The boxes of a named value."""

PERSON_KIND = ("Ghi là", {"person": "một người", "line": "một dòng chữ"})
ROW_KIND = ("Dòng", {"cells": "các ô", "line": "dòng nhóm"})

PROFILES: dict[str, str] = {
    "state": "Nhà nước (NĐ 30/2020/NĐ-CP)",
    "party": "Đảng, theo ngày họp (HD 36-HD/VPTW; từ 27/5/2026 HD 05-HD/VPTW)",
    "party-2018": "Đảng, Hướng dẫn 36-HD/VPTW (2018)",
    "party-2026": "Đảng, Hướng dẫn 05-HD/VPTW (2026)",
}
"""What the clerk reads for each built-in profile, in this order; an office's own profile (in a
folder of ``MINUTES_PROFILES``) shows the name its file gives (:func:`profile_choices`)."""


def profile_choices() -> dict[str, str]:
    """Every profile a meeting may name (:func:`minutes.profiles.profile_names`, read afresh: an
    office's folder may gain a file), the built-in ones first, each in the clerk's words."""
    from minutes.errors import MinutesError
    from minutes.profiles import load_profile, profile_names

    names = profile_names()
    choices = {name: text for name, text in PROFILES.items() if name in names}
    for name in names:
        if name not in choices:
            try:
                choices[name] = load_profile(name).name or name
            except (MinutesError, OSError, ValueError):  # an office's broken file: its name
                choices[name] = name
    return choices


class _Choices(dict[str, dict[str, str]]):
    """:data:`CHOICES`, with the profiles as :func:`profile_choices` finds them."""

    def __getitem__(self, key: str) -> dict[str, str]:
        return profile_choices() if key == "profile" else super().__getitem__(key)


CHOICES: dict[str, dict[str, str]] = _Choices(
    {
        "profile": PROFILES,
        "place_date": {"": "theo thể thức", "true": "in", "false": "không in"},
        "excused": {"": "—", "true": "có lý do", "false": "không có lý do"},
        "elected": {"": "—", "true": "Trúng cử", "false": "Không trúng cử"},
        "format": {
            "": "như đã gõ",
            "number": "số",
            "percent": "phần trăm",
            "money": "số tiền",
            "date": "ngày",
        },
        "align": {"": "tự động", "left": "trái", "center": "giữa", "right": "phải"},
        "order": {"": "theo số phiếu, cao trước", "written": "như đã ghi"},
        "share_of": {
            "": "số phiếu hợp lệ",
            "returned": "số phiếu thu về",
            "issued": "số phiếu phát ra",
        },
        "data_kind": {"number": "số", "text": "chữ"},
    }
)
"""The options of each choice box: the value the form sends, and what the clerk reads."""

HONORIFICS = ("Ông", "Bà", "Anh", "Chị", "Cô", "Thầy", "đồng chí")
"""The honorifics offered; another one in an opened file is offered too."""
NO_HONORIFIC = "không ghi"
"""The option for an explicitly empty honorific."""

ROWS: dict[str, str] = {
    "attendees": "người có mặt",
    "absent": "người vắng mặt",
    "invited": "khách mời",
    "chair": "người chủ trì",
    "secretary": "thư ký",
    "presidium": "thành viên Đoàn Chủ tịch",
    "counting_board": "thành viên Ban kiểm phiếu",
    "boards": "ban, tổ",
    "members": "thành viên",
    "presenter": "người trình bày",
    "documents": "tài liệu",
    "attachments": "tài liệu kèm theo",
    "recipients": "nơi nhận",
    "agenda": "vấn đề",
    "sessions": "phiên",
    "signatures": "người ký",
    "appendices": "phụ lục",
    "data": "số liệu",
    "categories": "loại thành viên",
    "figures": "dòng số liệu",
    "votes": "biểu quyết",
    "options": "phương án",
    "candidates": "người ứng cử",
    "columns": "cột",
    "rows": "dòng",
    "parts": "phần",
}
"""What one row of each list is called, for its buttons: + Thêm người có mặt, Xóa người có mặt."""

PART_KINDS: dict[str, str] = {
    "text": "Đoạn văn",
    "table": "Bảng",
    "discussion": "Thảo luận",
    "vote": "Biểu quyết giơ tay",
    "ballot": "Bỏ phiếu kín",
    "election": "Bầu cử",
    "conclusion": "Kết luận",
}
"""The kinds of part, in the order the kind box offers them."""

SECTIONS: dict[str, str] = {
    "document": "Văn bản",
    "meeting": "Cuộc họp",
    "people": "Chủ trì, thư ký và các ban",
    "attendance": "Thành phần tham dự",
    "documents": "Tài liệu",
    "data": "Số liệu dùng trong nội dung",
    "body": "Nội dung",
    "after": "Phần chung sau các vấn đề",
    "end": "Kết thúc",
}
"""The headings of the form's parts."""

MORE = "Thêm chi tiết"
"""The heading of the boxes most meetings leave empty, folded away until opened."""
