"""The starter meeting file ``minutes new`` writes: every field, each explained in Vietnamese.

A clerk learns the format by editing a file that already works, not by reading a reference: the
starter renders as it is, shows every field once (optional ones say so and may be deleted), and
its comments say what goes where in the words of the office (trích yếu, chủ trì, nơi nhận). Its
first line names the JSON Schema, so an editor with the YAML extension completes and checks the
file from the first keystroke (see ``docs/editor.md``).
"""

from __future__ import annotations

from typing import Literal

from minutes.schema import SCHEMA_FILE_NAME

Profile = Literal["state", "party"]

_HEAD = """\
# yaml-language-server: $schema={schema}
#
# {heading}
# Sửa các giá trị sau dấu hai chấm cho đúng cuộc họp của cơ quan, rồi chạy:
#     minutes validate {example}     (kiểm tra, chưa tạo tệp)
#     minutes render {example}       (tạo tệp PDF và DOCX)
# Dòng bắt đầu bằng dấu # là ghi chú, không in ra biên bản. Thụt lề bằng dấu cách, không dùng
# phím Tab. Trường ghi "không bắt buộc" có thể xóa cả dòng khi không dùng.
"""

_STATE = """\
profile: state                  # thể thức: state (Nhà nước, NĐ 30/2020) hoặc party (Đảng, HD 36)
organization:                   # cơ quan ban hành biên bản
  name: Ủy ban nhân dân xã Tân Lập        # tên cơ quan, tổ chức ghi biên bản
  parent: Ủy ban nhân dân tỉnh Phú Thọ    # cơ quan chủ quản (không bắt buộc)
number: 1                       # số biên bản (không bắt buộc: xóa dòng để văn thư điền tay)
symbol: BB-UBND                 # ký hiệu biên bản, viết liền, không có dấu cách
place: Tân Lập                  # địa danh (không bắt buộc với thể thức Nhà nước)
date: 2025-11-20                # ngày ghi biên bản: NĂM-THÁNG-NGÀY
title: Cuộc họp giao ban công tác tháng 11 năm 2025   # trích yếu: tên cuộc họp
kind: cuộc họp                  # cách gọi: cuộc họp, phiên họp, hội nghị… (không bắt buộc)
start: 2025-11-20 08:00         # thời gian bắt đầu: NĂM-THÁNG-NGÀY GIỜ:PHÚT
end: "10:30"                    # kết thúc: "GIỜ:PHÚT" trong ngoặc kép (không bắt buộc)
location: Phòng họp số 1, trụ sở Ủy ban nhân dân xã   # địa điểm
chair:                          # chủ trì (chủ tọa)
  name: Nguyễn Văn An           # họ và tên
  position: Chủ tịch Ủy ban nhân dân xã   # chức vụ
secretary:                      # thư ký (người ghi biên bản)
  name: Trần Thị Bình
  position: Công chức Văn phòng - Thống kê
members_present: 3              # số người có mặt (không bắt buộc: mặc định đếm danh sách)
members_total: 4                # tổng số thành viên được triệu tập (không bắt buộc)
attendees:                      # thành phần có mặt: mỗi người một mục bắt đầu bằng "- "
  - name: Nguyễn Văn An
    position: Chủ tịch Ủy ban nhân dân xã
  - name: Lê Văn Cường
    position: Phó Chủ tịch Ủy ban nhân dân xã
  - name: Trần Thị Bình
    position: Công chức Văn phòng - Thống kê
absent:                         # vắng mặt (không bắt buộc)
  - name: Phạm Văn Dũng
    position: Phó Chủ tịch Ủy ban nhân dân xã
    reason: đi công tác         # lý do vắng mặt (không bắt buộc)
invited:                        # khách mời (không bắt buộc); một nhóm người viết thành một dòng
  - Đại diện Thường trực Đảng ủy xã
documents:                      # tài liệu sử dụng tại cuộc họp (không bắt buộc)
  - Báo cáo kết quả công tác tháng 10 năm 2025
data:                           # số liệu dùng lại trong nội dung (không bắt buộc)
  thu_ngan_sach: 2450000000     # số viết liền, không dấu chấm phân cách; đơn vị: đồng
  ty_le_giai_ngan: 72.5         # phần thập phân sau dấu chấm; đơn vị: %
agenda:                         # nội dung: mỗi vấn đề một mục bắt đầu bằng "- title:"
  - title: Kết quả công tác tháng 10 năm 2025   # tên vấn đề
    presenter:                  # người trình bày (không bắt buộc)
      name: Lê Văn Cường
      position: Phó Chủ tịch Ủy ban nhân dân xã
    content: |                  # nội dung trình bày; sau dấu | mỗi dòng là một đoạn
      Thu ngân sách tháng 10 đạt {{ data.thu_ngan_sach | money('triệu đồng') }}.
      Tỷ lệ giải ngân vốn đầu tư công đạt {{ data.ty_le_giai_ngan | percent }}.
    figures_caption: "Một số chỉ tiêu chủ yếu:"   # dòng dẫn trước bảng số liệu (không bắt buộc)
    figures:                    # bảng số liệu (không bắt buộc): mỗi dòng của bảng một mục
      - label: Thu ngân sách    # tên chỉ tiêu
        value: 2450             # số liệu
        unit: triệu đồng        # đơn vị tính (không bắt buộc)
      - {label: Tỷ lệ giải ngân vốn đầu tư công, value: 72.5, unit: "%"}   # viết gọn một dòng
    discussion: |               # ý kiến thảo luận (không bắt buộc); dòng bắt đầu "- " là một ý
      Các đại biểu thống nhất với báo cáo, đề nghị:
      - đẩy nhanh tiến độ giải ngân vốn đầu tư công;
      - tăng cường thu ngân sách những tháng cuối năm.
    conclusion: |               # kết luận (không bắt buộc); **chữ đậm**, *chữ nghiêng*
      Thống nhất **thông qua** báo cáo.
    votes:                      # biểu quyết (không bắt buộc)
      question: thông qua báo cáo   # nội dung biểu quyết
      for: 3                    # số tán thành
      against: 0                # số không tán thành
      abstain: 0                # số không biểu quyết
closing: |                      # đoạn văn trước dòng kết thúc (không bắt buộc)
  Biên bản đã được đọc lại cho các thành viên dự họp cùng nghe và thống nhất.
recipients:                     # nơi nhận (không bắt buộc); dòng "Lưu: VT, Hồ sơ." tự thêm
  - Thường trực Đảng ủy xã
  - Các thành viên Ủy ban nhân dân xã
"""

_PARTY = """\
profile: party                  # thể thức: party (Đảng, HD 36) hoặc state (Nhà nước, NĐ 30/2020)
organization:                   # cơ quan ban hành biên bản
  name: Đảng ủy xã Tân Lập      # tên cấp ủy, tổ chức đảng ghi biên bản
  parent: Đảng bộ tỉnh Phú Thọ  # cấp ủy cấp trên (không bắt buộc)
number: 12                      # số biên bản (không bắt buộc: xóa dòng để văn thư điền tay)
symbol: BB/ĐU                   # ký hiệu biên bản, viết liền, không có dấu cách
place: Tân Lập                  # địa danh, in trước ngày tháng (bắt buộc với thể thức Đảng)
date: 2025-11-20                # ngày ghi biên bản: NĂM-THÁNG-NGÀY
title: Hội nghị Ban Thường vụ Đảng ủy xã tháng 11 năm 2025   # trích yếu: tên hội nghị
kind: hội nghị                  # cách gọi: hội nghị, cuộc họp… (không bắt buộc)
start: 2025-11-20 14:00         # thời gian bắt đầu: NĂM-THÁNG-NGÀY GIỜ:PHÚT
end: "16:30"                    # kết thúc: "GIỜ:PHÚT" trong ngoặc kép (không bắt buộc)
location: Hội trường Đảng ủy xã # địa điểm
chair:                          # người chủ trì
  name: Nguyễn Văn An           # họ và tên
  position: Bí thư Đảng ủy xã   # chức vụ
secretary:                      # người ghi biên bản
  name: Trần Thị Bình
  position: Chuyên viên Văn phòng Đảng ủy
members_label: Ủy viên Ban Thường vụ Đảng ủy xã   # tên gọi thành viên (không bắt buộc)
members_present: 4              # số thành viên có mặt (không bắt buộc: mặc định đếm danh sách)
members_total: 5                # tổng số thành viên (không bắt buộc)
attendees:                      # thành phần có mặt: mỗi người hoặc nhóm một mục "- "
  - name: Nguyễn Văn An
    position: Bí thư Đảng ủy xã
  - Các đồng chí Ủy viên Ban Thường vụ Đảng ủy xã
absent:                         # vắng mặt (không bắt buộc)
  - name: Lê Văn Cường
    position: Phó Bí thư Đảng ủy xã
    reason: đi học tập trung    # lý do vắng mặt (không bắt buộc)
invited:                        # đại biểu mời dự (không bắt buộc)
  - Đại diện Ban Tổ chức Tỉnh ủy
documents:                      # tài liệu sử dụng trong hội nghị (không bắt buộc)
  - Dự thảo Báo cáo công tác xây dựng Đảng năm 2025
data:                           # số liệu dùng lại trong nội dung (không bắt buộc)
  dang_vien_moi: 7              # số viết liền, không dấu chấm phân cách
  ty_le_hoan_thanh: 96.5        # phần thập phân sau dấu chấm; đơn vị: %
agenda:                         # diễn biến: mỗi vấn đề một mục bắt đầu bằng "- title:"
  - title: Công tác xây dựng Đảng năm 2025   # tên vấn đề
    presenter:                  # người trình bày (không bắt buộc)
      name: Lê Thị Hoa
      position: Phó Bí thư Thường trực Đảng ủy xã
    content: |                  # nội dung trình bày; sau dấu | mỗi dòng là một đoạn
      Năm 2025, Đảng bộ kết nạp {{ data.dang_vien_moi | number }} đảng viên mới.
      Có {{ data.ty_le_hoan_thanh | percent }} tổ chức đảng hoàn thành tốt nhiệm vụ.
    figures_caption: "Một số kết quả chủ yếu:"   # dòng dẫn trước bảng số liệu (không bắt buộc)
    figures:                    # bảng số liệu (không bắt buộc): mỗi dòng của bảng một mục
      - label: Đảng viên mới được kết nạp   # tên chỉ tiêu
        value: 7                # số liệu
        unit: đồng chí          # đơn vị tính (không bắt buộc)
      - {label: Tổ chức đảng hoàn thành tốt nhiệm vụ, value: 96.5, unit: "%"}   # viết gọn
    discussion: |               # ý kiến thảo luận (không bắt buộc); dòng bắt đầu "- " là một ý
      Các đồng chí dự hội nghị thống nhất với dự thảo, đề nghị:
      - bổ sung kết quả thực hiện nghị quyết của các chi bộ;
      - làm rõ nguyên nhân của hạn chế, khuyết điểm.
    conclusion: |               # kết luận của người chủ trì (không bắt buộc); **chữ đậm**
      Thống nhất **thông qua** báo cáo; giao Văn phòng Đảng ủy hoàn chỉnh, trình Ban Chấp hành.
    votes:                      # biểu quyết (không bắt buộc)
      question: thông qua báo cáo   # nội dung biểu quyết
      for: 4                    # số tán thành
      against: 0                # số không tán thành
      abstain: 0                # số không biểu quyết
closing: |                      # đoạn văn trước dòng kết thúc (không bắt buộc)
  Biên bản đã được đọc lại cho các đồng chí dự hội nghị cùng nghe và thống nhất.
recipients:                     # nơi nhận (không bắt buộc); dòng "Lưu Văn phòng." tự thêm
  - Ban Thường vụ Tỉnh ủy
  - Các đồng chí Ủy viên Ban Thường vụ Đảng ủy xã
"""

_HEADINGS = {
    "state": "Biên bản theo thể thức văn bản hành chính (Nghị định 30/2020/NĐ-CP, Mẫu 1.9).",
    "party": "Biên bản theo thể thức văn bản của Đảng (Hướng dẫn 36-HD/VPTW).",
}


def starter(
    profile: Profile = "state", schema: str = SCHEMA_FILE_NAME, example: str = "bien-ban.yaml"
) -> str:
    """The starter file for ``profile``. ``schema`` is the path or URL the editor finds the JSON
    Schema at (relative to the file); ``example`` the file name the comments use."""
    head = _HEAD.format(schema=schema, heading=_HEADINGS[profile], example=example)
    return head + "\n" + (_STATE if profile == "state" else _PARTY)
