"""The Vietnamese titles and descriptions of the meeting file's models and fields.

The clerks read them, in an editor that completes the YAML (VS Code's hover, see
``docs/editor.md``) and in the web form's labels: so they speak of what to write, in the office's
words. The model's own docstrings are for programmers. Data only: :mod:`minutes.schema` puts it
into the JSON Schema and refuses a model or field that has no entry here.
"""

from __future__ import annotations

MODELS: dict[str, tuple[str, str]] = {
    "Minutes": (
        "Biên bản",
        "Dữ liệu của một cuộc họp, hội nghị và biên bản của nó. Mỗi trường một dòng "
        "`tên: giá trị`; dòng bắt đầu bằng `#` là ghi chú.",
    ),
    "Organization": ("Cơ quan ban hành", "Cơ quan, tổ chức ghi biên bản và cơ quan cấp trên."),
    "Person": (
        "Người",
        "Một người, ghi `name` (họ và tên) và `position` (chức vụ); hoặc một dòng chữ chỉ một "
        "nhóm người, ví dụ `Lãnh đạo các sở, ban, ngành liên quan`.",
    ),
    "AbsentPerson": (
        "Người vắng mặt",
        "Một thành viên vắng mặt: họ và tên, chức vụ và lý do vắng mặt (nếu có).",
    ),
    "Figure": ("Chỉ tiêu", "Một dòng của bảng số liệu: tên chỉ tiêu, số liệu, đơn vị tính."),
    "Vote": (
        "Biểu quyết",
        "Kết quả biểu quyết một vấn đề: số tán thành, không tán thành, không biểu quyết.",
    ),
    "AgendaItem": (
        "Vấn đề",
        "Một vấn đề trong nội dung cuộc họp, theo thứ tự diễn biến.",
    ),
    "VoteLabels": (
        "Cách gọi khi biểu quyết",
        "Từ ngữ thay cho `tán thành`, `không tán thành`, `không biểu quyết`, ví dụ `nhất trí` "
        "hay `không có ý kiến` (doanh nghiệp).",
    ),
    "Members": (
        "Số thành viên",
        "Số thành viên theo cách thư ký ghi: tổng số, từng loại, miễn sinh hoạt, có mặt, vắng mặt, "
        "người có quyền biểu quyết. Số nào không ghi thì không in, không đoán.",
    ),
    "MemberCategory": (
        "Loại thành viên",
        "Một loại thành viên (đảng viên chính thức, dự bị …) với tổng số và số có mặt.",
    ),
    "Represented": (
        "Số đại diện",
        "Những người có mặt đại diện cho bao nhiêu, theo đơn vị khác: cổ phần của cổ đông, "
        "số hộ của cử tri.",
    ),
    "Board": (
        "Ban, tổ",
        "Một ban hoặc tổ của cuộc họp (Ban Thẩm tra tư cách đại biểu, Tổ kiểm phiếu, người làm "
        "chứng …): tên gọi và các thành viên.",
    ),
    "Ballot": (
        "Bỏ phiếu kín",
        "Kết quả bỏ phiếu kín một vấn đề: số phiếu phát ra, thu về, hợp lệ, không hợp lệ và số "
        "phiếu của từng phương án.",
    ),
    "BallotOption": (
        "Phương án",
        "Một phương án của phiếu (`Đồng ý`, `Không đồng ý`) và số phiếu.",
    ),
    "Candidate": ("Người ứng cử", "Họ và tên, số phiếu bầu, kết quả trúng cử (nếu ghi)."),
    "Election": (
        "Bầu cử",
        "Kết quả bầu cử: số lượng bầu, các loại phiếu, từng người ứng cử với số phiếu và tỷ lệ.",
    ),
    "ElectionLabels": (
        "Cách gọi kết quả",
        "Từ ngữ thay cho `Trúng cử` / `Không trúng cử`, ví dụ `Được đề nghị`.",
    ),
    "Column": (
        "Cột",
        "Một cột của bảng: tiêu đề; cách viết số (`number`, `percent`, `money`, `date`); căn lề; "
        "có cộng tổng hay không.",
    ),
    "Table": (
        "Bảng",
        "Một bảng bất kỳ: các cột (`columns`), các dòng (`rows`), dòng tổng cộng, ghi chú.",
    ),
    "TextPart": ("Đoạn văn", "Các đoạn văn của phần nội dung."),
    "TablePart": ("Bảng", "Một bảng trong nội dung."),
    "DiscussionPart": ("Thảo luận", "Ý kiến thảo luận, in dưới dòng `Ý kiến thảo luận:`."),
    "ConclusionPart": ("Kết luận", "Kết luận, in dưới dòng `Kết luận:`."),
    "VotePart": ("Biểu quyết", "Một lần biểu quyết bằng giơ tay."),
    "BallotPart": ("Bỏ phiếu kín", "Một lần biểu quyết bằng phiếu kín."),
    "ElectionPart": ("Bầu cử", "Một cuộc bầu cử và kết quả."),
    "Session": (
        "Phiên họp",
        "Một phiên của cuộc họp, hội nghị, đại hội (phiên trù bị, phiên chính thức, buổi sáng, "
        "ngày thứ hai …) với thời gian và nội dung của phiên.",
    ),
    "Signer": (
        "Người ký",
        "Một chữ ký: thẩm quyền (`T/M CHI BỘ`, `TM. ỦY BAN NHÂN DÂN`), chức danh, họ tên.",
    ),
    "Appendix": (
        "Phụ lục",
        "Một phụ lục in sau phần chữ ký, trên trang riêng: tên, nội dung hoặc bảng.",
    ),
}
"""Vietnamese title and description of each model (by its class name)."""


_TEXT = " Viết được **chữ đậm**, *chữ nghiêng*, dòng bắt đầu bằng `- ` là một ý."
_EXPR = " Số liệu viết `{{ data.ten | bộ lọc }}`, ví dụ `{{ data.doanh_thu | money('tỷ đồng') }}`."

FIELDS: dict[str, dict[str, tuple[str, str]]] = {
    "Minutes": {
        "profile": (
            "Thể thức",
            "`state`: văn bản hành chính nhà nước (Nghị định 30/2020/NĐ-CP, Mẫu 1.9); "
            "`party`: văn bản của Đảng theo quy định còn hiệu lực vào ngày họp (Hướng dẫn "
            "36-HD/VPTW, từ 27/5/2026 Hướng dẫn 05-HD/VPTW); `party-2018`, `party-2026`: đúng "
            "một trong hai; hoặc tên tệp thể thức riêng (.yaml) đặt cạnh biên bản. Lệnh "
            "`minutes profiles` liệt kê các thể thức.",
        ),
        "organization": (
            "Cơ quan ban hành",
            "Cơ quan, tổ chức ghi biên bản (`name`) và cơ quan "
            "chủ quản hoặc cấp ủy cấp trên (`parent`).",
        ),
        "number": (
            "Số biên bản",
            "Số thứ tự của biên bản, ví dụ `5`. Bỏ trống để văn thư điền tay.",
        ),
        "symbol": (
            "Ký hiệu",
            "Ký hiệu biên bản, không có dấu cách: `BB-UBND` (Nhà nước), `BB/TU` (Đảng).",
        ),
        "place": (
            "Địa danh",
            "Nơi ban hành, in trước ngày tháng, ví dụ `Thái Bình`. Bắt buộc với thể thức Đảng.",
        ),
        "date": ("Ngày ghi biên bản", "Dạng NĂM-THÁNG-NGÀY, ví dụ `2018-03-07`."),
        "title": (
            "Trích yếu",
            "Tên cuộc họp, hội nghị, ví dụ `Hội nghị Ban Thường vụ lần thứ 100`.",
        ),
        "kind": (
            "Loại cuộc họp",
            "Cách gọi trong biên bản: `cuộc họp`, `hội nghị`, `phiên họp`… Mặc định: `cuộc họp` "
            "(Nhà nước), `hội nghị` (Đảng).",
        ),
        "start": (
            "Thời gian bắt đầu",
            "Dạng NĂM-THÁNG-NGÀY GIỜ:PHÚT, ví dụ `2018-03-07 08:00`.",
        ),
        "end": (
            "Thời gian kết thúc",
            'Giờ kết thúc cùng ngày, trong ngoặc kép, ví dụ `"11:30"`; hoặc ngày giờ đầy đủ '
            "`2018-03-07 11:30`.",
        ),
        "location": ("Địa điểm", "Nơi họp, ví dụ `Trụ sở Tỉnh ủy Thái Bình`."),
        "chair": ("Chủ trì (chủ tọa)", "Người chủ trì: `name` (họ và tên), `position` (chức vụ)."),
        "secretary": (
            "Thư ký (người ghi biên bản)",
            "Người ghi biên bản: `name` (họ và tên), `position` (chức vụ).",
        ),
        "members_label": (
            "Tên gọi thành viên",
            "Dùng trong thể thức Đảng, ví dụ `Ủy viên Ban Thường vụ Tỉnh ủy`. "
            "Mặc định: `Thành viên`.",
        ),
        "attendees": (
            "Thành phần có mặt",
            "Danh sách người có mặt, mỗi người một dòng bắt đầu bằng `- `.",
        ),
        "absent": ("Vắng mặt", "Danh sách thành viên vắng mặt, có thể ghi lý do (`reason`)."),
        "members_present": (
            "Số thành viên có mặt",
            "Ghi khi danh sách có mặt không kể tên từng người. Mặc định: đếm theo danh sách.",
        ),
        "members_total": (
            "Tổng số thành viên",
            "Số thành viên được triệu tập, để ghi `có mặt 15/17`. Mặc định: có mặt + vắng mặt.",
        ),
        "invited": ("Khách mời", "Đại biểu mời dự, mỗi người hoặc mỗi nhóm một dòng."),
        "documents": ("Tài liệu", "Tài liệu sử dụng tại cuộc họp, mỗi tài liệu một dòng."),
        "agenda": (
            "Nội dung",
            "Các vấn đề theo diễn biến cuộc họp; mỗi vấn đề bắt đầu bằng `- title:`.",
        ),
        "closing": (
            "Phần kết",
            "Đoạn văn trước dòng kết thúc, ví dụ việc đọc lại biên bản." + _TEXT,
        ),
        "recipients": (
            "Nơi nhận",
            "Mỗi nơi nhận một dòng. Dòng lưu (`Lưu: VT, Hồ sơ.`) được thêm tự động.",
        ),
        "confidential": (
            "Độ mật",
            "Dấu chỉ độ mật in dưới số, ký hiệu, ví dụ `MẬT`. Không bắt buộc.",
        ),
        "place_date": (
            "In địa danh, ngày tháng",
            "`true` để in dòng địa danh, ngày tháng (thể thức Nhà nước mặc định không in); "
            "`false` để không in.",
        ),
        "presidium": (
            "Đoàn Chủ tịch",
            "Các thành viên Đoàn Chủ tịch (đại hội, hội nghị lớn), mỗi người một dòng.",
        ),
        "counting_board": ("Ban kiểm phiếu", "Các thành viên Ban kiểm phiếu, mỗi người một dòng."),
        "boards": (
            "Các ban, tổ khác",
            "Ban Thẩm tra tư cách đại biểu, Tổ kiểm phiếu, người làm chứng …: mỗi ban ghi `label` "
            "(tên gọi) và `members` (thành viên).",
        ),
        "members": (
            "Số thành viên",
            "Tổng số, từng loại, miễn sinh hoạt, có mặt, vắng mặt (có lý do, không có lý do), "
            "người có quyền biểu quyết.",
        ),
        "other_info": (
            "Thông tin khác",
            "Thông tin khác về cuộc họp (Hướng dẫn 16-HD/VPTW)." + _TEXT,
        ),
        "sessions": (
            "Các phiên",
            "Khi cuộc họp có nhiều phiên hoặc nhiều ngày: mỗi phiên có tên, thời gian và nội dung.",
        ),
        "discussion": ("Ý kiến thảo luận chung", "Ý kiến thảo luận chung của cuộc họp." + _TEXT),
        "conclusion": ("Kết luận chung", "Kết luận chung của cuộc họp." + _TEXT),
        "parts": (
            "Các phần chung",
            "Các phần của cuộc họp sau các vấn đề: đoạn văn, bảng, biểu quyết, bầu cử, kết luận.",
        ),
        "closing_line": (
            "Dòng kết thúc",
            "Dòng cuối, thay cho dòng `… kết thúc vào …` tự động, ví dụ "
            "`Biên bản lập xong vào hồi 16 giờ 30 phút cùng ngày.`",
        ),
        "attachments": (
            "Tài liệu kèm theo",
            "Các tài liệu kèm theo biên bản, mỗi tài liệu một dòng.",
        ),
        "appendices": ("Phụ lục", "Các phụ lục in sau chữ ký, mỗi phụ lục trên trang riêng."),
        "signatures": (
            "Chữ ký",
            "Những người ký biên bản. Không ghi thì ký theo mặc định của thể thức: thư ký và "
            "chủ trì.",
        ),
        "data": (
            "Số liệu",
            "Số liệu đặt tên, dùng lại trong nội dung: `{{ data.ten }}`. Số viết liền, không "
            "dấu phân cách, ví dụ `doanh_thu: 12181000000000`.",
        ),
    },
    "Organization": {
        "name": (
            "Tên cơ quan",
            "Tên cơ quan, tổ chức ghi biên bản. Viết `\\n` trong ngoặc kép để xuống dòng.",
        ),
        "parent": ("Cơ quan cấp trên", "Cơ quan chủ quản hoặc cấp ủy cấp trên (nếu có)."),
    },
    "Person": {
        "name": ("Họ và tên", "Họ và tên, ví dụ `Nguyễn Văn An`."),
        "position": ("Chức vụ", "Chức vụ, ví dụ `Chủ tịch Ủy ban nhân dân xã`."),
        "line": (
            "Dòng chữ",
            "Một dòng chữ thay cho họ tên, chỉ một nhóm người. Thường viết thẳng `- Lãnh đạo …`.",
        ),
        "honorific": (
            "Danh xưng",
            'Ví dụ `Ông`, `Bà`. Thể thức Đảng tự ghi `đồng chí`; ghi `""` để không ghi.',
        ),
        "count": ("Số người", "Số người mà dòng chữ chỉ nhóm đại diện, ví dụ `12`."),
    },
    "AbsentPerson": {
        "name": ("Họ và tên", "Họ và tên người vắng mặt."),
        "position": ("Chức vụ", "Chức vụ người vắng mặt."),
        "line": ("Dòng chữ", "Một dòng chữ chỉ một nhóm người vắng mặt."),
        "reason": ("Lý do vắng mặt", "Ví dụ `đi công tác`, `có lý do`."),
        "honorific": ("Danh xưng", "Ví dụ `Ông`, `Bà`."),
        "count": ("Số người", "Số người vắng mặt mà dòng chữ chỉ nhóm đại diện."),
        "excused": ("Có lý do", "`false` nếu vắng mặt không có lý do."),
    },
    "Figure": {
        "label": ("Chỉ tiêu", "Tên chỉ tiêu, ví dụ `Doanh thu năm 2017`."),
        "value": ("Số liệu", "Số (dùng dấu chấm cho phần thập phân, ví dụ `317.35`) hoặc chữ."),
        "unit": ("Đơn vị tính", 'Ví dụ `tỷ đồng`, `ha`, `người`, `"%"`.'),
    },
    "Vote": {
        "question": ("Nội dung biểu quyết", "Ví dụ `thông qua kế hoạch`."),
        "for": ("Tán thành", "Số người tán thành."),
        "against": ("Không tán thành", "Số người không tán thành (không ghi thì không in)."),
        "abstain": ("Không biểu quyết", "Số người không biểu quyết (không ghi thì không in)."),
        "invalid": ("Không hợp lệ", "Số phiếu, thẻ biểu quyết không hợp lệ (nếu có)."),
        "base": (
            "Số người biểu quyết",
            "Số người có quyền biểu quyết. Mặc định: `members.voters`, nếu không thì số có mặt.",
        ),
        "base_label": ("Tên gọi người biểu quyết", "Ví dụ `đảng viên chính thức có mặt`."),
        "unit": (
            "Đơn vị",
            "Ví dụ `đồng chí`, `đại biểu`, `cổ phần`. Mặc định theo `members.unit`.",
        ),
        "share_of": (
            "Tính tỷ lệ trên",
            "Tổng số để tính tỷ lệ khi không phải số người biểu quyết, ví dụ tổng số đại biểu.",
        ),
        "share_label": (
            "Tên gọi tổng số",
            "In sau tỷ lệ, ví dụ `tổng số đại biểu Hội đồng nhân dân`.",
        ),
        "decimals": ("Số chữ số thập phân", "Của tỷ lệ phần trăm. Mặc định: 1."),
        "labels": (
            "Cách gọi",
            "Từ ngữ thay cho `tán thành`, `không tán thành`, `không biểu quyết`.",
        ),
    },
    "AgendaItem": {
        "title": ("Tên vấn đề", "Tên vấn đề được trình bày, thảo luận."),
        "presenter": (
            "Người trình bày",
            "Người hoặc cơ quan trình bày: `name` và `position`, hoặc một dòng chữ; hoặc danh "
            "sách nhiều người.",
        ),
        "content": ("Nội dung trình bày", "Nội dung chính của vấn đề." + _TEXT + _EXPR),
        "figures": ("Bảng số liệu", "Các dòng của bảng số liệu: `label`, `value`, `unit`."),
        "figures_caption": ("Dòng dẫn bảng số liệu", "Dòng chữ in ngay trước bảng số liệu."),
        "discussion": ("Ý kiến thảo luận", "Ý kiến của các đại biểu." + _TEXT + _EXPR),
        "conclusion": ("Kết luận", "Kết luận của người chủ trì." + _TEXT + _EXPR),
        "votes": (
            "Biểu quyết",
            "Một biểu quyết (`question`, `for`, `against`, `abstain`) hoặc danh sách biểu quyết.",
        ),
        "parts": (
            "Các phần",
            "Các phần theo thứ tự diễn biến: `text` (đoạn văn), `table` (bảng), `discussion`, "
            "`vote`, `ballot`, `election`, `conclusion`.",
        ),
    },
    "VoteLabels": {
        "for": ("Thay cho tán thành", "Ví dụ `nhất trí`."),
        "against": ("Thay cho không tán thành", "Ví dụ `không nhất trí`."),
        "abstain": ("Thay cho không biểu quyết", "Ví dụ `không có ý kiến`."),
        "invalid": ("Thay cho không hợp lệ", "Ví dụ `phiếu không hợp lệ`."),
    },
    "Members": {
        "label": ("Tên gọi thành viên", "Ví dụ `Đảng viên`, `Ủy viên Ban Thường vụ`, `Cổ đông`."),
        "unit": ("Đơn vị đếm", "Ví dụ `đồng chí`, `người`, `đại biểu`, `cổ đông`, `hộ`."),
        "total": ("Tổng số", "Tổng số thành viên."),
        "categories": ("Từng loại", "Từng loại thành viên với `label`, `total`, `present`."),
        "exempt": ("Miễn sinh hoạt", "Số thành viên được miễn sinh hoạt, không phải dự họp."),
        "exempt_label": (
            "Tên gọi miễn",
            "Mặc định `miễn sinh hoạt` (Đảng), `được miễn` (Nhà nước).",
        ),
        "present": ("Có mặt", "Số thành viên có mặt."),
        "absent": ("Vắng mặt", "Số thành viên vắng mặt."),
        "excused": ("Vắng có lý do", "Số thành viên vắng mặt có lý do."),
        "unexcused": ("Vắng không lý do", "Số thành viên vắng mặt không có lý do."),
        "voters": (
            "Số người biểu quyết",
            "Số người có mặt có quyền biểu quyết, khi không phải tất cả (ví dụ đảng viên chính "
            "thức).",
        ),
        "voters_label": ("Tên gọi người biểu quyết", "Ví dụ `đảng viên chính thức có mặt`."),
        "represented": ("Đại diện cho", "Ví dụ số cổ phần mà cổ đông có mặt đại diện."),
        "include_chair": (
            "Tính cả chủ trì",
            "Khi đếm theo danh sách có mặt: `true` (mặc định) tính cả người chủ trì chưa ghi tên.",
        ),
        "include_secretary": (
            "Tính cả thư ký",
            "Khi đếm theo danh sách có mặt: `true` tính cả thư ký chưa ghi tên (mặc định không).",
        ),
    },
    "MemberCategory": {
        "label": ("Tên loại", "Ví dụ `chính thức`, `dự bị`."),
        "total": ("Tổng số", "Tổng số thành viên loại này."),
        "present": ("Có mặt", "Số thành viên loại này có mặt."),
    },
    "Represented": {
        "present": ("Có mặt", "Số đại diện của những người có mặt, ví dụ số cổ phần."),
        "total": ("Tổng số", "Tổng số, ví dụ tổng số cổ phần có quyền biểu quyết."),
        "unit": ("Đơn vị", "Ví dụ `cổ phần`, `hộ`."),
        "label": ("Tên gọi", "In sau đơn vị, ví dụ `có quyền biểu quyết`."),
    },
    "Board": {
        "label": ("Tên ban, tổ", "Ví dụ `Ban Thẩm tra tư cách đại biểu`, `Tổ kiểm phiếu`."),
        "members": ("Thành viên", "Các thành viên, mỗi người một dòng."),
    },
    "Ballot": {
        "question": (
            "Vấn đề bỏ phiếu",
            "Ví dụ `đề nghị kết nạp quần chúng Nguyễn Văn Hòa vào Đảng`.",
        ),
        "issued": ("Số phiếu phát ra", "Số phiếu phát ra."),
        "returned": ("Số phiếu thu về", "Số phiếu thu về."),
        "valid": ("Số phiếu hợp lệ", "Số phiếu hợp lệ."),
        "invalid": ("Số phiếu không hợp lệ", "Số phiếu không hợp lệ."),
        "options": ("Các phương án", "Mỗi phương án ghi `label` và `votes`."),
        "share_of": (
            "Tính tỷ lệ trên",
            "`valid` (số phiếu hợp lệ, mặc định), `returned`, `issued`, hoặc một số.",
        ),
        "share_label": ("Tên gọi tổng số", "In sau tỷ lệ, ví dụ `tổng số đảng viên chính thức`."),
        "decimals": ("Số chữ số thập phân", "Của tỷ lệ phần trăm. Mặc định: 1."),
        "unit": ("Đơn vị", "Mặc định `phiếu`."),
    },
    "BallotOption": {
        "label": ("Phương án", "Ví dụ `Đồng ý`."),
        "votes": ("Số phiếu", "Số phiếu của phương án."),
    },
    "Candidate": {
        "name": ("Họ và tên", "Họ và tên người ứng cử."),
        "position": ("Chức vụ, đơn vị", "Chức vụ hoặc đơn vị công tác (nếu ghi)."),
        "votes": ("Số phiếu", "Số phiếu bầu."),
        "elected": ("Trúng cử", "`true` nếu trúng cử, `false` nếu không."),
        "outcome": ("Kết quả", "Kết quả ghi bằng lời, ví dụ `Trúng cử đại biểu dự khuyết`."),
    },
    "Election": {
        "title": ("Bầu", "Ví dụ `Bầu Ban Chấp hành Đảng bộ xã khóa I, nhiệm kỳ 2025 - 2030`."),
        "seats": ("Số lượng bầu", "Số người được bầu."),
        "issued": ("Số phiếu phát ra", "Số phiếu phát ra."),
        "returned": ("Số phiếu thu về", "Số phiếu thu về."),
        "valid": ("Số phiếu hợp lệ", "Số phiếu hợp lệ."),
        "invalid": ("Số phiếu không hợp lệ", "Số phiếu không hợp lệ."),
        "candidates": ("Người ứng cử", "Mỗi người ghi `name`, `votes`, và `elected` nếu có."),
        "share_of": (
            "Tính tỷ lệ trên",
            "`valid` (số phiếu hợp lệ, mặc định), `returned`, `issued`, hoặc một số.",
        ),
        "share_label": ("Tên gọi tổng số", "In sau tỷ lệ, ví dụ `tổng số đại biểu`."),
        "decimals": ("Số chữ số thập phân", "Của tỷ lệ phần trăm. Mặc định: 1."),
        "order": (
            "Thứ tự",
            "`result`: theo số phiếu, cao trước (mặc định); `written`: như đã ghi.",
        ),
        "cumulative": (
            "Bầu dồn phiếu",
            "`true` khi bầu dồn phiếu (công ty cổ phần): một người có thể nhận nhiều phiếu bầu.",
        ),
        "unit": ("Đơn vị", "Mặc định `phiếu`; ví dụ `cổ phần`."),
        "labels": ("Cách gọi kết quả", "Thay cho `Trúng cử`, `Không trúng cử`."),
    },
    "ElectionLabels": {
        "elected": ("Thay cho Trúng cử", "Ví dụ `Được đề nghị`."),
        "not_elected": ("Thay cho Không trúng cử", "Ví dụ `Không được đề nghị`."),
    },
    "Column": {
        "title": ("Tiêu đề cột", "Ví dụ `Họ và tên`."),
        "format": (
            "Cách viết",
            "`text` (như đã gõ, mặc định), `number` (12.418.730), `percent` (59,7%), `money`, "
            "`date` (01/7/2025).",
        ),
        "decimals": ("Số chữ số thập phân", "Khi viết số hoặc phần trăm."),
        "align": ("Căn lề", "`left`, `center`, `right` (số mặc định căn phải)."),
        "sum": ("Cộng tổng", "`true` để cộng cột này ở dòng tổng cộng."),
        "width": (
            "Độ rộng",
            "Độ rộng tương đối, ví dụ `3` (các cột có ghi chia nhau phần còn lại theo tỷ lệ). "
            "Mặc định theo nội dung.",
        ),
    },
    "Table": {
        "caption": ("Tên bảng", "Dòng in ngay trước bảng."),
        "columns": ("Các cột", "Mỗi cột một tiêu đề, hoặc `{title, format, sum …}`."),
        "rows": (
            "Các dòng",
            'Mỗi dòng là danh sách các ô `[…, …]`; ô trống là `""`. Một dòng chỉ là chữ là dòng '
            "nhóm, in suốt bề ngang bảng.",
        ),
        "numbered": ("Đánh số", "`true` để thêm cột TT: 1, 2, 3 …"),
        "total": ("Dòng tổng cộng", "Tên dòng tổng, ví dụ `Tổng cộng`; cộng các cột `sum: true`."),
        "note": ("Ghi chú", "Ghi chú in dưới bảng."),
    },
    "TextPart": {"text": ("Đoạn văn", "Các đoạn văn." + _TEXT + _EXPR)},
    "TablePart": {"table": ("Bảng", "Một bảng: `columns`, `rows` …")},
    "DiscussionPart": {
        "discussion": ("Ý kiến thảo luận", "Ý kiến của các đại biểu." + _TEXT),
        "label": ("Tên dòng", "Thay cho `Ý kiến thảo luận`, ví dụ `Ý kiến tham gia`."),
    },
    "ConclusionPart": {
        "conclusion": ("Kết luận", "Kết luận." + _TEXT),
        "label": ("Tên dòng", "Thay cho `Kết luận`, ví dụ `Đồng chí Bí thư kết luận`."),
    },
    "VotePart": {"vote": ("Biểu quyết", "`question`, `for`, `against`, `abstain` …")},
    "BallotPart": {"ballot": ("Bỏ phiếu kín", "`question`, `issued`, `returned`, `valid` …")},
    "ElectionPart": {"election": ("Bầu cử", "`title`, `seats`, phiếu, `candidates` …")},
    "Session": {
        "title": ("Tên phiên", "Ví dụ `Phiên trù bị`, `Phiên chính thức`, `Buổi chiều`."),
        "start": ("Bắt đầu", "Dạng NĂM-THÁNG-NGÀY GIỜ:PHÚT; chỉ có ngày thì để trống giờ."),
        "end": ("Kết thúc", 'Giờ kết thúc, ví dụ `"11:30"`, hoặc ngày giờ đầy đủ.'),
        "location": ("Địa điểm", "Khi khác địa điểm chung của cuộc họp."),
        "chair": ("Chủ trì phiên", "Người chủ trì phiên (nếu ghi)."),
        "agenda": ("Các vấn đề", "Các vấn đề của phiên."),
        "parts": ("Các phần", "Các phần của phiên, khi không chia thành vấn đề."),
    },
    "Signer": {
        "authority": (
            "Thẩm quyền",
            "Ví dụ `T/M CHI BỘ`, `TM. ỦY BAN NHÂN DÂN`, `ĐẠI DIỆN BÊN GIAO`.",
        ),
        "title": ("Chức danh", "Ví dụ `BÍ THƯ`, `CHỦ TỌA`, `THƯ KÝ`."),
        "note": ("Ghi chú", "Dòng nghiêng dưới chức danh, ví dụ `(Ký, ghi rõ họ tên)`."),
        "name": ("Họ và tên", "Họ và tên người ký, không ghi học hàm, danh xưng."),
    },
    "Appendix": {
        "title": ("Tên phụ lục", "Ví dụ `Danh sách cổ đông dự họp`."),
        "content": ("Nội dung", "Nội dung phụ lục." + _TEXT),
        "table": ("Bảng", "Bảng của phụ lục."),
        "parts": ("Các phần", "Các phần của phụ lục."),
    },
}
"""Vietnamese title and description of every field, by model class name and YAML name."""
