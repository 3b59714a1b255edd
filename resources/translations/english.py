"""English texts for antq_en.ts, by Vietnamese source text. Run by update.sh after lupdate.

Usage: python english.py antq_en.ts — fills every message whose source is known here, marks the
rest unfinished and lists them, so a new string is never silently left in Vietnamese.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET

ENGLISH = {
    # ---- main window, start-up ----
    "ANTQ Desktop — Phong trào Toàn dân bảo vệ an ninh Tổ quốc":
        "ANTQ Desktop — All People Protect National Security movement",
    "Tổng quan": "Overview",
    "Khu dân cư": "Residential areas",
    "Cơ quan – doanh nghiệp – trường học": "Agencies – enterprises – schools",
    "Hộ gia đình": "Households",
    "Cam kết": "Pledges",
    "Đăng ký": "Registrations",
    "Tự đánh giá": "Self-assessments",
    "Kế hoạch – chỉ tiêu": "Plans – targets",
    "In biểu mẫu": "Print forms",
    "Gửi – nhận dữ liệu": "Send – receive data",
    "Cài đặt": "Settings",
    "Đơn vị: %1 (mã %2)": "Unit: %1 (code %2)",
    "Cán bộ: %1": "Officer: %1",
    "Lần gửi dữ liệu gần nhất: chưa có": "Last data sent: never",
    "Năm đang làm việc: các danh sách cam kết, đăng ký, tự đánh giá theo năm này":
        "Working year: pledge, registration and self-assessment lists follow this year",
    "Năm %1": "Year %1",
    "Chức năng này đang được hoàn thiện và sẽ có trong bản cập nhật tới.":
        "This feature is being finished and will come in the next update.",
    # ---- login ----
    "Đăng nhập — ANTQ Desktop": "Sign in — ANTQ Desktop",
    "Tên đăng nhập:": "User name:",
    "Mật khẩu:": "Password:",
    "Đăng nhập": "Sign in",
    "Thoát": "Quit",
    "Hãy nhập tên đăng nhập và mật khẩu.": "Please enter your user name and password.",
    # ---- setup wizard ----
    "Thiết lập ban đầu — ANTQ Desktop": "First-time setup — ANTQ Desktop",
    "Tiếp theo >": "Next >",
    "< Quay lại": "< Back",
    "Hoàn tất": "Finish",
    "Hủy": "Cancel",
    "Chào mừng đến với ANTQ Desktop": "Welcome to ANTQ Desktop",
    "Máy tính này dùng cho đơn vị nào? Thiết lập này chỉ làm một lần.":
        "Which unit is this computer for? This setup is done only once.",
    "Công an cấp xã (xã, phường, đặc khu)": "Commune police (commune, ward, special zone)",
    "Cấp trên: cụm, khu vực (có mã đơn vị riêng)": "Upper office: cluster or area (with its own unit code)",
    "Cấp trên: Công an cấp tỉnh": "Upper office: provincial police",
    "Đơn vị của bạn": "Your unit",
    "ví dụ: CUM-01": "e.g. CUM-01",
    "ví dụ: Cụm công an khu vực 1": "e.g. Area police cluster 1",
    "Mã đơn vị:": "Unit code:",
    "Tên đơn vị:": "Unit name:",
    "Chọn tỉnh, thành phố rồi chọn xã, phường theo danh mục đơn vị hành chính mới.":
        "Choose the province, then the commune or ward from the new administrative units catalogue.",
    "Nhập mã và tên đơn vị cấp trên theo quy định của Công an tỉnh.":
        "Enter the upper office's code and name as set by the provincial police.",
    "Chọn tỉnh, thành phố của đơn vị.": "Choose the unit's province.",
    "— Tất cả tỉnh, thành phố —": "— All provinces —",
    "Gõ tên xã, phường (có dấu hoặc không), ví dụ: hoan kiem":
        "Type the commune or ward name (with or without diacritics), e.g. hoan kiem",
    "Tỉnh, thành phố:": "Province:",
    "Tìm xã, phường:": "Find commune/ward:",
    "Chọn đơn vị:": "Choose unit:",
    "Hãy chọn tỉnh, thành phố hoặc gõ ít nhất 2 chữ để tìm.":
        "Choose a province or type at least 2 letters to search.",
    "Tìm thấy %1 đơn vị.": "%1 units found.",
    "Tài khoản quản trị": "Administrator account",
    "Cán bộ dùng tài khoản này để đăng nhập. Mật khẩu nên là một câu ngắn dễ nhớ, ít nhất 8 ký tự; hãy ghi nhớ, "
    "chương trình không khôi phục được mật khẩu.":
        "The officer signs in with this account. The password should be a short, memorable sentence of at "
        "least 8 characters; remember it, the program cannot recover passwords.",
    "Tạo đơn vị": "Create unit",
    "Họ và tên cán bộ:": "Officer's full name:",
    "Nhập lại mật khẩu:": "Repeat password:",
    "Mật khẩu dùng được.": "The password can be used.",
    "Hai lần nhập mật khẩu không giống nhau.": "The two passwords are not the same.",
    "Đã thiết lập xong": "Setup complete",
    "Đơn vị: <b>%1</b> (mã %2).<br>Bấm “Hoàn tất” để bắt đầu làm việc.":
        "Unit: <b>%1</b> (code %2).<br>Press “Finish” to start working.",
    # ---- record pages and dialogs ----
    "— Không chọn —": "— None —",
    "Gõ tên chủ hộ, địa chỉ hoặc số định danh để tìm": "Type a household head's name, address or ID number to search",
    "Ghi cam kết cho cả khu dân cư": "Record pledges for a whole residential area",
    "Ghi bản cam kết năm %1 (đã ký) cho mọi hộ của khu dân cư chưa có bản cam kết năm này. Hộ đã có bản cam kết "
    "được giữ nguyên.":
        "Record a signed %1 pledge for every household of the area that has no pledge this year. Households "
        "that already have one are left as they are.",
    "Khu dân cư:": "Residential area:",
    "Ngày ký:": "Signed on:",
    "Ghi cam kết": "Record pledges",
    "Số hộ sẽ được ghi cam kết: %1": "Households that will get a pledge: %1",
    "Tự đánh giá mới — chọn đối tượng": "New self-assessment — choose the subject",
    "Đối tượng:": "Subject:",
    "Đơn vị:": "Unit:",
    "Tiếp tục": "Continue",
    "Bản tự đánh giá (chỉ xem)": "Self-assessment (read only)",
    "Đóng": "Close",
    "Điểm": "Score",
    "Xếp loại": "Classification",
    "Kết quả": "Result",
    "Trạng thái": "Status",
    "Từng tiêu chí": "Criteria",
    # ---- self-assessment form ----
    " <b>(bắt buộc)</b>": " <b>(required)</b>",
    "%1 điểm": "%1 points",
    "Ghi chú": "Note",
    "Minh chứng (số văn bản, biên bản…)": "Evidence (document number, minutes…)",
    "<h2>Tự đánh giá năm %1: %2</h2>": "<h2>Self-assessment %1: %2</h2>",
    "Bộ tiêu chí: %1 (phiên bản %2) — loại đơn vị: %3": "Criteria catalogue: %1 (version %2) — unit type: %3",
    "Lưu ý: ": "Note: ",
    "Người đánh giá": "Assessed by",
    "Ngày đánh giá": "Assessment date",
    "Ghi chú chung": "General note",
    "Lưu nháp": "Save draft",
    "Nộp và khóa": "Submit and lock",
    "Mở lại để sửa": "Reopen for editing",
    "Trạng thái: Đã nộp — đã khóa": "Status: submitted — locked",
    "Trạng thái: Đang soạn (bản nháp)": "Status: being written (draft)",
    "Trạng thái: Chưa lưu": "Status: not saved yet",
    "Điểm: %1 / %2": "Score: %1 / %2",
    "Kết quả: %1": "Result: %1",
    "Đạt": "Met",
    "Chưa đạt": "Not met",
    "Chưa đạt tiêu chí bắt buộc: %1": "Required criteria not met: %1",
    "Xếp loại: %1": "Classification: %1",
    "Chưa lưu được: %1": "Not saved: %1",
    "Nộp bản tự đánh giá": "Submit the self-assessment",
    "Sau khi nộp, bản tự đánh giá sẽ bị khóa và được tính vào chỉ tiêu. Muốn sửa phải “Mở lại để sửa”. Nộp ngay?":
        "Once submitted, the self-assessment is locked and counts towards the targets. To change it you must "
        "“Reopen for editing”. Submit now?",
    "Bản tự đánh giá sẽ trở lại trạng thái nháp (tạo phiên bản mới) và không được tính vào chỉ tiêu cho đến khi "
    "nộp lại. Tiếp tục?":
        "The self-assessment goes back to draft (as a new revision) and does not count towards the targets "
        "until it is submitted again. Continue?",
    "Không mở lại được: %1": "Could not reopen: %1",
    # ---- dashboard ----
    "Làm mới": "Refresh",
    "Đọc lại số liệu mới nhất từ cơ sở dữ liệu": "Read the latest figures from the database again",
    "Chỉ tiêu năm": "This year's targets",
    "Số liệu hiện có": "Records",
    "Việc cần làm": "To do",
    "Chi tiết": "Details",
    "Số hộ": "Households",
    "Đã ký cam kết": "Pledged",
    "Chưa ký": "Not pledged",
    "Tỷ lệ": "Share",
    "Hộ gia đình ký cam kết theo khu dân cư": "Household pledges by residential area",
    "Kết quả tự đánh giá (bản đã nộp)": "Self-assessment results (submitted)",
    "<h2>Tổng quan năm %1</h2>": "<h2>Overview %1</h2>",
    "Chưa có kế hoạch năm %1 với chỉ tiêu. Hãy vào “Kế hoạch – chỉ tiêu” để nhập kế hoạch của đơn vị, hoặc nhận "
    "gói kế hoạch từ cấp trên.":
        "There is no %1 plan with targets yet. Go to “Plans – targets” to enter the unit's plan, or receive "
        "the plan package from the upper office.",
    "Cơ quan, DN, trường học": "Agencies, enterprises, schools",
    "Bản cam kết": "Pledges",
    "Kết quả đạt chuẩn": "Standard met",
    "Xếp loại phong trào": "Movement classification",
    "Còn %1 bản đang soạn\nchưa được tính.": "%1 drafts\nnot counted yet.",
    "Khu dân cư chưa đăng ký năm nay": "Residential areas not registered this year",
    "Hộ chưa ký cam kết": "Households without a pledge",
    "%1 hộ": "%1 households",
    "Chưa tự đánh giá hoặc còn bản nháp": "Not assessed yet or still in draft",
    "Xong": "Done",
    "Chưa có bản tự đánh giá": "No self-assessment yet",
    "Bản nháp, chưa nộp": "Draft, not submitted",
    "quá hạn %1 (%2 ngày)": "overdue since %1 (%2 days)",
    "hạn %1, còn %2 ngày": "due %1, %2 days left",
    "Nhập từ Excel…": "Import from Excel…",
    "Nhập danh sách hộ gia đình, khu dân cư hoặc cơ quan từ tệp .xlsx":
        "Import households, residential areas or organisations from an .xlsx file",
    # ---- Excel ----
    "Xuất Excel": "Export to Excel",
    "Tệp Excel (*.xlsx)": "Excel files (*.xlsx)",
    "Đã xuất Excel": "Exported to Excel",
    "Đã xuất %1 dòng ra tệp:\n%2": "%1 rows exported to:\n%2",
    "Lỗi không mong đợi: %1": "Unexpected error: %1",
    "Chưa xuất được Excel": "Could not export to Excel",
    "Đang xuất Excel…": "Exporting to Excel…",
    "Lưu bảng đang xem thành tệp Excel (.xlsx)": "Save the table shown as an Excel file (.xlsx)",
    "Nhập dữ liệu từ Excel": "Import data from Excel",
    "Bước 1: Chọn tệp Excel": "Step 1: Choose the Excel file",
    "Chọn loại dữ liệu, tệp .xlsx và trang tính chứa danh sách. Dòng đầu tiên có từ hai ô trở lên được coi là "
    "dòng tiêu đề cột.":
        "Choose the kind of data, the .xlsx file and the sheet holding the list. The first row with two or "
        "more filled cells is taken as the column headers.",
    "Chọn tệp…": "Choose file…",
    "Loại dữ liệu": "Kind of data",
    "Tệp Excel": "Excel file",
    "Trang tính": "Sheet",
    "Chọn tệp Excel": "Choose an Excel file",
    "Bước 2: Ghép cột": "Step 2: Match columns",
    "Chương trình đã đoán cột theo tiêu đề. Hãy kiểm tra, sửa nếu sai. Mục có dấu * là bắt buộc.":
        "The columns were guessed from the headers. Check them and correct any mistakes. Items marked * are "
        "required.",
    "Thông tin cần nhập": "Information",
    "Lấy từ cột trong tệp": "Taken from file column",
    "— Không nhập —": "— Do not import —",
    "(cột %1 không có tiêu đề)": "(column %1 has no header)",
    "Chưa chọn cột cho: %1.": "No column chosen for: %1.",
    "ví dụ": "e.g.",
    "Bước 3: Xem trước và nhập": "Step 3: Preview and import",
    "Dòng tô đỏ có lỗi và sẽ bị bỏ qua; cột “Lỗi” cho biết cần sửa gì trong tệp. Bấm “Nhập” để lưu các dòng hợp lệ "
    "(tất cả trong một lần, lỗi giữa chừng thì không lưu gì).":
        "Rows in red have errors and will be skipped; the “Errors” column says what to fix in the file. Press "
        "“Import” to save the valid rows (all at once; if anything fails, nothing is saved).",
    "Chỉ hiện dòng lỗi": "Show only rows with errors",
    "%1 dòng hợp lệ sẽ được nhập; %2 dòng có lỗi sẽ bị bỏ qua.":
        "%1 valid rows will be imported; %2 rows with errors will be skipped.",
    "Dòng": "Row",
    "Lỗi": "Errors",
    "Tiếp >": "Next >",
    "Nhập": "Import",
    "Không có dòng hợp lệ": "No valid rows",
    "Không có dòng nào hợp lệ để nhập. Hãy sửa tệp theo cột “Lỗi” rồi nhập lại.":
        "There is no valid row to import. Fix the file as the “Errors” column says, then import again.",
    "Nhập dữ liệu": "Import data",
    "Đang nhập dữ liệu…": "Importing…",
    "Đã nhập %1 dòng từ Excel (%2).": "%1 rows imported from Excel (%2).",
    "Nhập %1 dòng hợp lệ vào cơ sở dữ liệu?": "Import %1 valid rows into the database?",
    "Chưa nhập được": "Not imported",
    "Không có dòng nào được lưu: %1": "No row was saved: %1",
    "Họ tên chủ hộ": "Head of household",
    "Loại (cơ quan, doanh nghiệp, cơ sở giáo dục)": "Type (agency, enterprise, school)",
    "Loại (thôn, tổ dân phố…)": "Type (village, residential group…)",
    "Số cán bộ, người lao động": "Staff",
    "Số nhân khẩu": "Members",
    "Số điện thoại": "Phone",
    "Số định danh (CCCD)": "Citizen ID (CCCD)",
    "Thủ trưởng đơn vị": "Head of unit",
    "Trưởng thôn/tổ trưởng": "Village/group head",
    "Tên khu dân cư": "Residential area name",
    "Tên đơn vị": "Unit name",
    "Địa chỉ": "Address",
    "Cơ quan, doanh nghiệp, trường học": "Agencies, enterprises, schools",
    # ---- help ----
    "Trợ giúp": "Help",
    "Hướng dẫn sử dụng": "User guide",
    "Không tìm thấy hướng dẫn": "User guide not found",
    "Không tìm thấy tệp hướng dẫn sử dụng trong thư mục cài đặt. Hãy cài lại chương trình hoặc xem bản hướng dẫn in "
    "kèm theo.":
        "The user guide file is missing from the installation folder. Reinstall the program or use the "
        "printed guide.",
    # ---- settings ----
    "<h2>Cài đặt</h2>": "<h2>Settings</h2>",
    "Đơn vị sử dụng": "Unit",
    "Cấp": "Level",
    "Mã đơn vị": "Unit code",
    "Tỉnh, thành phố": "Province",
    "Thông tin đơn vị được đặt khi thiết lập ban đầu và không sửa ở đây.":
        "The unit is set during first-time setup and cannot be changed here.",
    "Quy định và mẫu biểu đang dùng": "Regulations and forms in use",
    "Bộ tiêu chí": "Criteria catalogue",
    "Tên": "Name",
    "Căn cứ": "Legal basis",
    "Lưu ý": "Note",
    "phiên bản %1": "version %1",
    "Mẫu biểu": "Forms",
    "Dữ liệu": "Data",
    "Thư mục dữ liệu": "Data folder",
    "Tệp cơ sở dữ liệu": "Database file",
    "Mở thư mục dữ liệu": "Open data folder",
    "Ngôn ngữ giao diện": "Interface language",
    "Áp dụng từ lần mở chương trình tiếp theo.": "Takes effect the next time the program starts.",
    "Đã lưu. Hãy đóng và mở lại chương trình để đổi ngôn ngữ.":
        "Saved. Close and reopen the program to switch language.",
    "Khóa ký và mã hóa gói dữ liệu": "Signing and encryption keys",
    "Sao lưu và khôi phục": "Backup and restore",
    "Sẽ có trong phiên bản tới.": "Coming in the next version.",
    "Tài khoản người dùng": "User accounts",
    "Có ở trang “%1” trong cột bên trái.": "See the “%1” page in the left column.",
    "Quản trị": "Administration",
    "Thiết lập lại đơn vị…": "Set up the unit again…",
    "Chạy lại trình thiết lập ban đầu (chỉ quản trị viên)": "Run the first-time setup again (administrators only)",
    "Thiết lập lại đơn vị": "Set up the unit again",
    "Chức năng thiết lập lại đơn vị chưa có trong phiên bản này. Việc thiết lập lại chỉ quản trị viên được làm, và "
    "sẽ chạy lại trình thiết lập ban đầu khi mở chương trình. Nếu cần đổi đơn vị ngay, hãy sao lưu dữ liệu rồi liên "
    "hệ cán bộ kỹ thuật.":
        "Setting up the unit again is not available in this version. Only an administrator may do it, and it "
        "will run the first-time setup again when the program starts. If the unit must change now, back up "
        "the data and contact technical staff.",
    # ---- dashboard (background numbers, to-do) ----
    "Bấm đúp để mở bản tự đánh giá": "Double-click to open the self-assessment",
    "Không đọc được số liệu: %1. Bấm “Làm mới” để thử lại.":
        "Could not read the figures: %1. Press “Refresh” to try again.",
    "Đang tính số liệu…": "Calculating…",
    "Đơn vị: <b>%1</b> (mã %2).<br>Tên đăng nhập của bạn: <b>%3</b>.<br><br>Bấm “Hoàn tất” để bắt đầu làm việc.":
        "Unit: <b>%1</b> (code %2).<br>Your user name: <b>%3</b>.<br><br>Press “Finish” to start working.",
    # ---- data labels: target indicators, catalog levels and unit types ----
    "Khu dân cư đăng ký phấn đấu đạt chuẩn": "Residential areas registered for the standard",
    "Cơ quan, cơ sở giáo dục đăng ký phấn đấu đạt chuẩn": "Agencies and schools registered for the standard",
    "Doanh nghiệp đăng ký phấn đấu đạt chuẩn": "Enterprises registered for the standard",
    "Khu dân cư, xã, cơ quan, doanh nghiệp, trường học đăng ký":
        "Areas, commune, agencies, enterprises and schools registered",
    "Khu dân cư đạt chuẩn “An toàn về ANTT”": "Residential areas meeting the “Safe for security and order” standard",
    "Đơn vị đạt chuẩn “An toàn về ANTT”": "Units meeting the “Safe for security and order” standard",
    "Doanh nghiệp đã đăng ký được công nhận đạt chuẩn": "Registered enterprises recognised as meeting the standard",
    "Phong trào xếp loại Khá trở lên": "Movement classified Good or better",
    "Hộ gia đình ký cam kết": "Households that signed a pledge",
    "Ban hành kế hoạch năm": "Annual plan issued",
    "Tốt": "Very good",
    "Khá": "Good",
    "Trung bình": "Average",
    "Yếu": "Weak",
    "Xã, phường, đặc khu": "Commune, ward, special zone",
    "Cơ quan": "Agency",
    "Doanh nghiệp": "Enterprise",
    "Cơ sở giáo dục": "School",
    # ---- upper office: communes overview ----
    "Dữ liệu của %1 (chỉ xem)": "Data of %1 (read only)",
    "Dữ liệu do xã lập và gửi lên; cấp trên chỉ xem, không sửa. Hiển thị tối đa %1 dòng đầu mỗi danh sách.":
        "Data made and sent by the commune; the upper office only views it, never edits it. At most the first "
        "%1 rows of each list are shown.",
    "Chưa gửi dữ liệu": "No data sent yet",
    "Chậm gửi": "Late",
    "Đúng hạn": "On time",
    "Xem dữ liệu của xã…": "View the commune's data…",
    "Đang tính số liệu các xã…": "Calculating the communes' figures…",
    "Tình hình các xã": "Communes overview",
    "Không tính được số liệu: %1": "Could not calculate the figures: %1",
    "%1 xã · %2 chưa gửi dữ liệu · %3 chậm gửi · %4 xã chưa đạt ít nhất một chỉ tiêu":
        "%1 communes · %2 sent no data · %3 late · %4 communes miss at least one target",
    # ---- data exchange ----
    "Gửi dữ liệu lên cấp trên": "Send data to the upper office",
    "Xuất gói dữ liệu": "Export data package",
    "Phần thay đổi từ lần xuất trước (thường dùng)": "Changes since the last export (usual)",
    "Đầy đủ: toàn bộ dữ liệu của đơn vị (lần đầu, hoặc khi cấp trên yêu cầu)":
        "Full: all of the unit's data (the first time, or when the upper office asks)",
    "Không gửi số định danh cá nhân của chủ hộ": "Do not send household heads' citizen ID numbers",
    "Nơi lưu tệp gói (.antq), ví dụ trên USB": "Where to save the package file (.antq), e.g. on a USB stick",
    "Chọn nơi lưu…": "Choose where to save…",
    "Lịch sử xuất dữ liệu": "Export history",
    "Kiểm tra biên nhận của cấp trên…": "Check the upper office's receipt…",
    "chưa": "not yet",
    "Lưu gói dữ liệu": "Save data package",
    "Gói dữ liệu ANTQ (*.antq)": "ANTQ data packages (*.antq)",
    "Đang xuất gói dữ liệu…": "Exporting the data package…",
    "Đang xuất gói dữ liệu": "Exporting the data package",
    "Đã xuất gói số {0} ({1} bản ghi) vào {2}.": "Package no. {0} ({1} records) exported to {2}.",
    "Gói này thông báo khóa mới của đơn vị cho cấp trên.": "This package announces the unit's new key to the upper "
                                                           "office.",
    "Chưa xuất được gói dữ liệu ({0}).": "The data package was not exported ({0}).",
    "Không xuất được gói dữ liệu": "Could not export the data package",
    "Đã hủy xuất dữ liệu. Không có tệp nào được tạo.": "Export cancelled. No file was created.",
    "Chọn tệp biên nhận của cấp trên": "Choose the upper office's receipt file",
    "Biên nhận ANTQ (*.antqrcpt)": "ANTQ receipts (*.antqrcpt)",
    "Không đọc được tệp": "Could not read the file",
    "Không đọc được tệp biên nhận. Hãy kiểm tra USB rồi chọn lại.":
        "Could not read the receipt file. Check the USB stick and choose it again.",
    "Biên nhận không được công nhận": "Receipt not recognised",
    "Biên nhận hợp lệ: số liệu cấp trên khớp với dữ liệu hiện tại của đơn vị.":
        "Valid receipt: the upper office's figures match the unit's current data.",
    "Biên nhận hợp lệ: số liệu cấp trên khớp với dữ liệu tại lần xuất số {0}; dữ liệu đã thay đổi sau đó, hãy gửi "
    "phần thay đổi ở lần tới.":
        "Valid receipt: the upper office's figures match the data of export no. {0}; the data has changed since, "
        "send the changes next time.",
    "Biên nhận của {0}": "Receipt from {0}",
    "Khóa của đơn vị": "Unit key",
    "Mã vân tay của đơn vị:": "Unit fingerprint:",
    "Khóa của cấp trên:": "Upper office key:",
    "Xuất tệp khóa công khai…": "Export the public key file…",
    "Nhập khóa của cấp trên…": "Import the upper office's key…",
    "chưa có khóa (quản trị viên hãy tạo khóa)": "no key yet (an administrator must create it)",
    "CHƯA CÓ — hãy nhập tệp .antqkey do cấp trên gửi để có thể xuất dữ liệu đã mã hóa.":
        "NONE — import the .antqkey file sent by the upper office to export encrypted data.",
    "Không ghi được tệp": "Could not write the file",
    "Không ghi được tệp khóa. Hãy kiểm tra USB hoặc thư mục rồi thử lại.":
        "Could not write the key file. Check the USB stick or folder and try again.",
    "Lưu tệp khóa công khai": "Save the public key file",
    "Tệp khóa ANTQ (*.antqkey)": "ANTQ key files (*.antqkey)",
    "Đã xuất khóa": "Key exported",
    "Đã lưu tệp khóa công khai. Hãy in mã vân tay {0}, ký xác nhận và gửi kèm tệp cho cấp trên để đối chiếu.":
        "The public key file is saved. Print the fingerprint {0}, sign it and send it with the file to the upper "
        "office for checking.",
    "Chọn tệp khóa của cấp trên": "Choose the upper office's key file",
    "Đã nhập khóa cấp trên": "Upper office key imported",
    "Mã vân tay của khóa cấp trên: {0}. Hãy đối chiếu với bản giấy do cấp trên gửi; nếu khác, không xuất dữ liệu và "
    "báo ngay.":
        "Fingerprint of the upper office key: {0}. Compare it with the paper copy sent by the upper office; if it "
        "differs, do not export data and report it at once.",
    "Khóa của đơn vị cấp trên": "Upper office key",
    "Để gửi dữ liệu đã mã hóa lên cấp trên, hãy nhập tệp khóa công khai (.antqkey) do cấp trên gửi. Có thể bỏ qua "
    "và làm sau trong Cài đặt.":
        "To send encrypted data to the upper office, import the public key file (.antqkey) it sent. You can skip "
        "this and do it later in Settings.",
    "Chưa nhập khóa của cấp trên.": "The upper office key has not been imported.",
    "Chọn tệp khóa của cấp trên…": "Choose the upper office's key file…",
    "Đã nhập khóa cấp trên, mã vân tay {0}. Hãy đối chiếu với bản giấy.":
        "Upper office key imported, fingerprint {0}. Compare it with the paper copy.",
    "Mật khẩu mở khóa": "Key password",
    "Nhập mật khẩu của người giữ khóa (quản trị viên đã thiết lập máy):":
        "Enter the password of the key holder (the administrator who set up this computer):",
    "Không đọc được tệp khóa. Hãy kiểm tra USB rồi chọn lại tệp.":
        "Could not read the key file. Check the USB stick and choose the file again.",
    # ---- receiving packages (upper office) ----
    "Nhận gói dữ liệu của các xã": "Receive the communes' data packages",
    "Chọn hoặc kéo thả các tệp .antq từ USB. Bấm “Kiểm tra” để xem trước (chưa ghi gì), rồi “Nhập dữ liệu”. Mỗi gói "
    "được nhập trọn vẹn hoặc không nhập; gói bị từ chối không làm thay đổi dữ liệu.":
        "Choose or drag in the .antq files from the USB stick. Press “Check” to preview (nothing is written yet), "
        "then “Import data”. Each package is imported whole or not at all; a refused package changes nothing.",
    "Gói đã chọn": "Selected packages",
    "Chọn tệp gói…": "Choose package files…",
    "Kiểm tra (xem trước)": "Check (preview)",
    "Bỏ chọn tất cả": "Clear the selection",
    "Gói đã nhận theo xã": "Packages received per commune",
    "Chọn gói dữ liệu": "Choose data packages",
    "Gói dữ liệu ANTQ (*.antq);;Mọi tệp (*)": "ANTQ data packages (*.antq);;All files (*)",
    "Chưa kiểm tra": "Not checked yet",
    " (gói chờ, nay đã đủ)": " (held package, now complete)",
    "Mở khóa nhận của đơn vị": "Unlock the unit's receiving key",
    "Mật khẩu của người giữ khóa (tài khoản đã thiết lập máy):":
        "Password of the key holder (the account that set up this computer):",
    "Chưa chọn gói": "No package chosen",
    "Hãy chọn hoặc kéo thả các tệp gói .antq vào trang này trước.": "First choose or drag .antq package files onto "
                                                                    "this page.",
    "Đang kiểm tra gói dữ liệu…": "Checking the data packages…",
    "Đang nhập gói dữ liệu…": "Importing the data packages…",
    "Đã hủy. Các gói đã nhập xong trước khi hủy vẫn được giữ; gói đang nhập dở không ghi gì. Có thể chọn lại và "
    "nhập tiếp bất cứ lúc nào.":
        "Cancelled. Packages fully imported before cancelling are kept; the one in progress wrote nothing. You "
        "can choose them again and continue at any time.",
    "Nhận gói dữ liệu": "Receive data packages",
    # ---- record dialogs ----
    "Thêm khu dân cư": "Add residential area",
    "Sửa khu dân cư": "Edit residential area",
    "ví dụ: Tổ dân phố số 5": "e.g. Residential group 5",
    "Loại khu dân cư": "Type of area",
    "Thêm hộ gia đình": "Add household",
    "Sửa hộ gia đình": "Edit household",
    "12 chữ số": "12 digits",
    "Thêm cơ quan, doanh nghiệp, trường học": "Add agency, enterprise or school",
    "Sửa cơ quan, doanh nghiệp, trường học": "Edit agency, enterprise or school",
    "tên cơ quan, doanh nghiệp hoặc trường học": "name of the agency, enterprise or school",
    "Loại đơn vị": "Type of unit",
    "Thuộc diện đăng ký, tự đánh giá “An toàn về ANTT”": "Must register and self-assess for the “Safe for security "
                                                          "and order” standard",
    "Thêm kế hoạch": "Add plan",
    "Sửa kế hoạch": "Edit plan",
    "Năm": "Year",
    "Tên kế hoạch": "Plan title",
    "Số, ký hiệu văn bản": "Document number and symbol",
    "Ngày ban hành": "Issued on",
    "Thêm chỉ tiêu": "Add target",
    "Sửa chỉ tiêu": "Edit target",
    "Chỉ tiêu": "Target",
    "Phép so sánh": "Comparison",
    "Ngưỡng (%)": "Threshold (%)",
    "ví dụ: 80 hoặc 92,5": "e.g. 80 or 92,5",
    "Thêm bản cam kết": "Add pledge",
    "Sửa bản cam kết": "Edit pledge",
    "Người ký cam kết": "Signed by",
    "Họ tên người ký": "Signer's full name",
    "Mẫu cam kết": "Pledge template",
    "Ngày ký": "Signed on",
    "Thêm đăng ký": "Add registration",
    "Sửa đăng ký": "Edit registration",
    "Đối tượng đăng ký": "Registering subject",
    "Ngày đăng ký": "Registered on",
    "Bạn đã sửa nhưng chưa lưu. Đóng cửa sổ và bỏ các thay đổi này?":
        "You have unsaved changes. Close the window and discard them?",
    "Chưa lưu thay đổi": "Unsaved changes",
    "Chưa lưu: hãy sửa các mục được đánh dấu đỏ.": "Not saved: correct the items marked in red.",
    "Các mục có dấu * là bắt buộc.": "Items marked * are required.",
    "Lưu": "Save",
    "Sửa %1": "Edit %1",
    "Thêm %1": "Add %1",
    # ---- record pages ----
    "Thêm mới": "New",
    "Sửa": "Edit",
    "Xóa": "Delete",
    "Hoàn tác": "Undo",
    "Tìm theo tên khu dân cư hoặc trưởng thôn (có dấu hoặc không dấu)":
        "Search by area name or head (with or without diacritics)",
    "Loại": "Type",
    "Điện thoại": "Phone",
    "Số hộ (khai báo)": "Households (declared)",
    "Số hộ đã nhập": "Households entered",
    "Nhân khẩu": "Members",
    "Mọi loại khu dân cư": "All area types",
    "Tự đánh giá tiêu chuẩn “An toàn về an ninh, trật tự”": "Self-assessment for the “Safe for security and order” "
                                                             "standard",
    "Tìm theo tên khu dân cư hoặc đơn vị (có dấu hoặc không dấu)":
        "Search by area or unit name (with or without diacritics)",
    "Khu dân cư / đơn vị": "Area / unit",
    "Đối tượng": "Subject",
    "Mọi đối tượng": "All subjects",
    "Mọi trạng thái": "All statuses",
    "Tìm theo tên chủ hộ, địa chỉ hoặc số định danh (có dấu hoặc không dấu)":
        "Search by household head, address or ID number (with or without diacritics)",
    "Chủ hộ": "Head of household",
    "Số định danh": "ID number",
    "Đã cam kết": "Pledged",
    "Mọi khu dân cư": "All residential areas",
    "Tìm theo tên, thủ trưởng hoặc địa chỉ (có dấu hoặc không dấu)":
        "Search by name, head or address (with or without diacritics)",
    "Thuộc diện": "In scope",
    "Thủ trưởng": "Head",
    "Số người": "Staff",
    "Mọi loại đơn vị": "All unit types",
    "Tìm theo tên kế hoạch": "Search by plan title",
    "Số, ký hiệu": "Number, symbol",
    "Chỉ tiêu của kế hoạch đang chọn": "Targets of the selected plan",
    "Tìm theo mã chỉ tiêu": "Search by target code",
    "Mức phải đạt": "Required level",
    "Tìm theo tên chủ hộ, đơn vị hoặc người ký (có dấu hoặc không dấu)":
        "Search by household head, unit or signer (with or without diacritics)",
    "Người/đơn vị ký": "Signer",
    "Mẫu": "Template",
    "Mọi loại người ký": "All signer types",
    "Đăng ký “An toàn về an ninh, trật tự”": "Registrations for the “Safe for security and order” standard",
    "%1 bản ghi": "%1 records",
    "%1 bản ghi đã chọn": "%1 records selected",
    "Chuyển %1 đăng ký": "Carry over %1 registrations",
    "Chuyển các bản cam kết đang chọn sang trạng thái “Đã ký”": "Mark the selected pledges as “Signed”",
    "Chuyển đăng ký": "Carry over registrations",
    "Chuyển đăng ký năm trước sang…": "Carry last year's registrations over to…",
    "Chưa có thao tác nào để hoàn tác": "Nothing to undo yet",
    "Chọn mẫu:": "Template:",
    "Danh sách chỉ hiện 4 số cuối của số định danh. Bấm để xem đầy đủ; việc xem được ghi vào nhật ký thao tác.":
        "The list shows only the last 4 digits of ID numbers. Click to see them in full; viewing is recorded in "
        "the activity log.",
    "Ghi %1 bản cam kết": "Record %1 pledges",
    "Ghi bản cam kết đã ký cho mọi hộ chưa có bản cam kết năm nay":
        "Record a signed pledge for every household without one this year",
    "Ghi cam kết cả khu dân cư…": "Pledges for a whole area…",
    "Hiện số định danh": "Show ID numbers",
    "Hoàn tác: %1 (Ctrl+Z)": "Undo: %1 (Ctrl+Z)",
    "Hãy chọn các bản cam kết cần đánh dấu trước.": "First select the pledges to mark.",
    "Hãy chọn dòng cần xóa trước.": "First select the rows to delete.",
    "Hãy chọn một dòng trong bảng trước.": "First select a row in the table.",
    "Không chuyển được đăng ký": "Could not carry over the registrations",
    "Không có đăng ký nào của năm %1 cần chuyển sang năm %2 (đã chuyển hết hoặc năm trước chưa có đăng ký).":
        "There are no %1 registrations to carry over to %2 (all done already, or none last year).",
    "Không ghi được cam kết": "Could not record the pledges",
    "Không tạo được kế hoạch": "Could not create the plan",
    "Không xóa được": "Could not delete",
    "Không đánh dấu được": "Could not mark",
    "Phiếu tự đánh giá theo từng tiêu chí chưa có trong bản này. Hãy cập nhật chương trình.":
        "The per-criterion self-assessment form is not in this version. Please update the program.",
    "Tạo kế hoạch %1": "Create plan %1",
    "Tạo kế hoạch năm đang chọn cùng các chỉ tiêu theo mẫu kế hoạch của tỉnh":
        "Create the selected year's plan with its targets from the province's plan template",
    "Tạo từ mẫu kế hoạch": "Create from a plan template",
    "Tạo từ mẫu kế hoạch…": "Create from a plan template…",
    "Xem": "View",
    "Xóa %1": "Delete %1",
    "Xóa %1?\nCó thể lấy lại ngay bằng nút “Hoàn tác” (Ctrl+Z).": "Delete %1?\nYou can get it back at once with "
                                                                  "“Undo” (Ctrl+Z).",
    "Xóa bản ghi": "Delete record",
    "cam kết của %1": "pledge of %1",
    "chỉ tiêu %1": "target %1",
    "tệp .xlsx": ".xlsx file",
    "tự đánh giá của %1": "self-assessment of %1",
    "Đang chuyển đăng ký": "Carrying over registrations",
    "Đang ghi cam kết cho khu dân cư": "Recording pledges for the area",
    "Đánh dấu %1 bản cam kết là “Đã ký”? Bản nào chưa có ngày ký sẽ ghi ngày %2.":
        "Mark %1 pledges as “Signed”? Those without a signing date get %2.",
    "Đánh dấu %1 bản cam kết đã ký": "Mark %1 pledges as signed",
    "Đánh dấu đã ký": "Mark as signed",
    "Đã chuyển %1 đăng ký.": "%1 registrations carried over.",
    "Đã ghi %1 bản cam kết.": "%1 pledges recorded.",
    "Đã lưu: %1": "Saved: %1",
    "Đã xóa %1. Bấm Ctrl+Z để hoàn tác.": "%1 deleted. Press Ctrl+Z to undo.",
    "Đã đánh dấu %1 bản cam kết.": "%1 pledges marked.",
    "Đăng ký lại cho năm đang chọn mọi khu dân cư, đơn vị đã đăng ký năm trước":
        "Register again for the selected year every area and unit registered last year",
    "Đăng ký năm %2 cho %3 khu dân cư, đơn vị đã đăng ký năm %1, ngày đăng ký %4?":
        "Register %3 areas and units registered in %1 for %2, with registration date %4?",
    "đăng ký của %1": "registration of %1",
    "“%1”": "“%1”",
    # ---- start-up and errors ----
    "ANTQ Desktop đang mở trên tệp dữ liệu này ở một cửa sổ khác. Hãy dùng cửa sổ đang mở (xem thanh tác vụ). Nếu "
    "chắc chắn không còn cửa sổ nào, hãy khởi động lại máy rồi mở lại.":
        "ANTQ Desktop is already open on this data file in another window. Use that window (see the taskbar). If "
        "you are sure no window is left, restart the computer and open it again.",
    "Chương trình đang mở": "The program is already open",
    "Không mở được dữ liệu": "Could not open the data",
    "Chương trình gặp một lỗi không mong muốn. Công việc đang làm dở có thể chưa được lưu; dữ liệu đã lưu trước đó "
    "vẫn an toàn.":
        "The program hit an unexpected error. Work in progress may not be saved; data saved before is safe.",
    "Hãy thử lại. Nếu vẫn lỗi, bấm “Sao chép chi tiết” rồi gửi cho cán bộ kỹ thuật (chi tiết cũng đã được ghi vào "
    "nhật ký lỗi).":
        "Try again. If it still fails, press “Copy details” and send them to technical staff (the details are "
        "also in the error log).",
    "Không có thao tác nào để hoàn tác.": "There is nothing to undo.",
    "Không hoàn tác được": "Could not undo",
    "Không thực hiện được": "Could not be done",
    "Sao chép chi tiết": "Copy details",
    "Đang hoàn tác…": "Undoing…",
    "Đã hoàn tác: %1": "Undone: %1",
    "Đã xảy ra lỗi không mong muốn": "An unexpected error occurred",
    # ---- idle lock ----
    "Chương trình đã tự khóa sau %1 phút không dùng. Dữ liệu đang nhập vẫn được giữ nguyên. Hãy nhập mật khẩu "
    "của %2 (%3) để tiếp tục.":
        "The program locked itself after %1 minutes without use. Data being entered is kept. Enter the password "
        "of %2 (%3) to continue.",
    "Màn hình đã khóa": "Screen locked",
    "Mở khóa": "Unlock",
    "Đã khóa màn hình. Nhập mật khẩu để tiếp tục.": "The screen is locked. Enter your password to continue.",
    # ---- main window (added pages) ----
    "Nhật ký thao tác": "Activity log",
    "Sao lưu – khôi phục": "Backup – restore",
    "Tài khoản": "Accounts",
    # ---- audit log ----
    "%1–%2 trên %3 mục": "%1–%2 of %3 entries",
    "<h2>Nhật ký thao tác</h2>": "<h2>Activity log</h2>",
    "Bộ lọc chưa hợp lệ": "Invalid filter",
    "Chỉ quản trị viên xem được nhật ký thao tác. Hãy nhờ quản trị viên.":
        "Only administrators can view the activity log. Please ask an administrator.",
    "Không xuất được nhật ký": "Could not export the log",
    "Loại bản ghi": "Record type",
    "Lọc": "Filter",
    "Người thực hiện": "Done by",
    "Thao tác": "Action",
    "Trang sau ›": "Next page ›",
    "‹ Trang trước": "‹ Previous page",
    "Tìm trong nội dung, mã bản ghi…": "Search the details, record ID…",
    "Tất cả": "All",
    "Từ ngày": "From",
    "Đến ngày": "To",
    "Xuất Excel…": "Export to Excel…",
    "Xuất nhật ký ra Excel": "Export the log to Excel",
    "Đã xuất %1 dòng nhật ký ra %2.": "%1 log rows exported to %2.",
    # ---- backup ----
    "(không đọc được)": "(unreadable)",
    "<h2>Sao lưu – khôi phục</h2>": "<h2>Backup – restore</h2>",
    "Bản sao lưu được mã hóa bằng mật khẩu của người tạo; cần đúng mật khẩu đó để khôi phục. Thư mục: %1":
        "Backups are encrypted with their creator's password; that same password is needed to restore. "
        "Folder: %1",
    "Chưa sao lưu được": "Backup failed",
    "Chương trình sẽ đóng; hãy mở lại.": "The program will close; please open it again.",
    "Chỉ quản trị viên được sao lưu và khôi phục.": "Only administrators may back up and restore.",
    "Hãy chọn một bản sao lưu trong danh sách.": "Choose a backup in the list.",
    "Khôi phục bản đã chọn…": "Restore the selected backup…",
    "Khôi phục “%1”? Dữ liệu hiện tại sẽ được thay bằng bản sao lưu này (dữ liệu hiện tại được giữ lại thành một "
    "bản sao lưu riêng). Chương trình sẽ đóng sau khi khôi phục.":
        "Restore “%1”? The current data will be replaced by this backup (the current data is kept as a "
        "separate backup). The program closes after restoring.",
    "Không khôi phục được": "Restore failed",
    "Mật khẩu của người đã tạo bản sao lưu:": "Password of the person who made the backup:",
    "Mật khẩu": "Password",
    "Nhập mật khẩu của bạn để mã hóa bản sao lưu:": "Enter your password to encrypt the backup:",
    "Sao lưu ngay": "Back up now",
    "Xác nhận": "Confirm",
    "Đã khôi phục bản sao lưu ngày %1. Dữ liệu trước đó được giữ ở %2.":
        "The backup of %1 has been restored. The previous data is kept in %2.",
    "Đã khôi phục": "Restored",
    "Đã sao lưu và kiểm tra: %1": "Backed up and verified: %1",
    # ---- printing ----
    "%1 trang": "%1 pages",
    "Chưa có bản in. Hãy chọn biểu mẫu rồi bấm “Tạo bản in”.": "Nothing to print yet. Choose a form, then press "
                                                             "“Create printout”.",
    "In…": "Print…",
    "Không ghi được tệp %1: %2. Hãy chọn thư mục khác.": "Could not write the file %1: %2. Choose another folder.",
    "Không in được": "Could not print",
    "Không lưu được": "Could not save",
    "Không mở được bản in để xem trước. Hãy tạo lại bản in.": "Could not open the printout for preview. Create "
                                                            "it again.",
    "Lưu PDF": "Save PDF",
    "Lưu PDF…": "Save PDF…",
    "Máy in không nhận lệnh in. Hãy kiểm tra máy in đã bật và được chọn đúng, hoặc lưu PDF rồi in từ máy khác.":
        "The printer did not accept the job. Check that the printer is on and selected, or save a PDF and print "
        "it from another computer.",
    "Mở hộp thoại máy in của hệ thống (Ctrl+P)": "Open the system print dialog (Ctrl+P)",
    "Tệp PDF (*.pdf)": "PDF files (*.pdf)",
    "Biểu mẫu:": "Form:",
    "Bảng tính Excel (*.xlsx)": "Excel workbooks (*.xlsx)",
    "Bảng tổng hợp dạng .xlsx để gửi cấp trên": "Summary table as .xlsx for the upper office",
    "Chưa có khu dân cư nào: hãy thêm ở trang Khu dân cư, hoặc chọn “Toàn đơn vị”.":
        "There are no residential areas yet: add them on the Residential areas page, or choose “Whole unit”.",
    "Không tạo được bản in": "Could not create the printout",
    "Mẫu trống để điền tay": "Blank form to fill in by hand",
    "Mẫu trống in sẵn tên (khu dân cư đã chọn)": "Blank forms with names printed (chosen area)",
    "Mỗi hộ (hoặc khu dân cư, cơ quan, doanh nghiệp, trường học) của khu dân cư một bản, in sẵn tên, để mang đi ký.":
        "One form per household (or area, agency, enterprise, school) of the area, names printed, to take for "
        "signing.",
    "Mỗi hồ sơ in trên một trang trở lên; chân trang có mã QR và dấu khóa của xã.":
        "Each record prints on one page or more; the footer carries a QR code and the commune's seal mark.",
    "Một khu dân cư": "One residential area",
    "Một mẫu trống để in và điền tay.": "One blank form to print and fill in by hand.",
    "Năm:": "Year:",
    "Phạm vi:": "Scope:",
    "Số liệu lấy từ các chỉ tiêu của năm đã chọn.": "Figures come from the targets of the chosen year.",
    "Toàn đơn vị": "Whole unit",
    "Tạo bản in": "Create printout",
    "Đang tạo bản in…": "Creating the printout…",
    "Đã gửi %1 trang tới máy in.": "%1 pages sent to the printer.",
    "Đã hủy tạo bản in.": "Printout cancelled.",
    "Đã lưu bảng tổng hợp: %1": "Summary table saved: %1",
    # ---- accounts ----
    "Họ tên": "Full name",
    "Nhập lại mật khẩu": "Repeat password",
    "Thêm tài khoản": "Add account",
    "Tên đăng nhập": "User name",
    "Vai trò": "Role",
    "Ít nhất %1 ký tự; nên dùng một câu ngắn dễ nhớ.": "At least %1 characters; a short memorable sentence is best.",
    "%1 tài khoản %2?": "%1 account %2?",
    "<h2>Tài khoản</h2>": "<h2>Accounts</h2>",
    "Hai lần nhập mật khẩu không khớp. Chưa có gì thay đổi.": "The two passwords do not match. Nothing was changed.",
    "Hoạt động": "Active",
    "Hãy chọn một tài khoản trong danh sách.": "Choose an account in the list.",
    "Khóa / mở khóa": "Lock / unlock",
    "Khóa": "Lock",
    "Thêm tài khoản…": "Add account…",
    "Tạm khóa (đăng nhập sai)": "Temporarily locked (wrong sign-ins)",
    "Tự khóa màn hình sau (phút, 0 = không khóa):": "Lock the screen after (minutes, 0 = never):",
    "Vai trò mới của %1:": "New role for %1:",
    "Đã khóa tài khoản %1.": "Account %1 locked.",
    "Đã khóa": "Locked",
    "Đã lưu thời gian tự khóa (áp dụng từ lần đăng nhập sau).": "Auto-lock time saved (applies from the next sign-in).",
    "Đã mở khóa tài khoản %1.": "Account %1 unlocked.",
    "Đã tạo tài khoản %1.": "Account %1 created.",
    "Đã đặt lại mật khẩu của %1.": "The password of %1 has been reset.",
    "Đã đổi mật khẩu của bạn.": "Your password has been changed.",
    "Đã đổi vai trò của %1.": "The role of %1 has been changed.",
    "Đặt lại mật khẩu cho %1": "Reset the password of %1",
    "Đặt lại mật khẩu…": "Reset password…",
    "Đổi mật khẩu của tôi": "Change my password",
    "Đổi mật khẩu của tôi…": "Change my password…",
    "Đổi vai trò": "Change role",
    "Đổi vai trò…": "Change role…",
    "Mật khẩu hiện tại": "Current password",
    "Mật khẩu mới": "New password",
    "Nhập lại mật khẩu mới": "Repeat the new password",
    # ---- upper office: plans, trust registry; print buttons; receipts ----
    'Khóa tin cậy các xã': 'Trusted commune keys',
    'Khóa tin cậy của các xã': 'Trusted keys of the communes',
    'Nhận kế hoạch của cấp trên': "Receive the upper office's plan",
    'Chọn tệp gói kế hoạch (.antq) do cấp trên gửi; chữ ký được kiểm tra trước khi nhận. Dữ liệu của xã không bị thay đổi.': "Choose the plan package (.antq) sent by the upper office; its signature is checked before anything is received. The commune's own data is not changed.",
    'Nhận kế hoạch…': 'Receive plan…',
    'Chọn gói kế hoạch của cấp trên': "Choose the upper office's plan package",
    'Không nhận gói kế hoạch': 'Plan package not received',
    'Gửi kế hoạch xuống xã': 'Send the plan to the communes',
    'Tạo một gói kế hoạch có ký số (kế hoạch, chỉ tiêu, bộ tiêu chí, mẫu cam kết) để chép cho mọi xã; xã nhận ở mục “Nhận kế hoạch của cấp trên” của trang Gửi – nhận dữ liệu.': "Create a signed plan package (plan, targets, criteria catalog, pledge templates) to copy to every commune; communes receive it under “Receive the upper office's plan” on the Send – receive data page.",
    'Năm kế hoạch:': 'Plan year:',
    'Gửi kế hoạch xuống xã…': 'Send the plan to the communes…',
    'Lưu gói kế hoạch': 'Save the plan package',
    'Đang tạo gói kế hoạch…': 'Creating the plan package…',
    'Đang tạo gói kế hoạch': 'Creating the plan package',
    'Đã tạo gói kế hoạch năm {0} (gói số {1}) tại {2}. Hãy chép tệp này cho các xã.': 'Created the {0} plan package (number {1}) at {2}. Copy this file to the communes.',
    'Chưa tạo được gói kế hoạch.': 'The plan package could not be created.',
    'Không tạo được gói kế hoạch': 'Could not create the plan package',
    'In phiếu…': 'Print sheet…',
    'In biên bản…': 'Print minutes…',
    'Hãy chọn một dòng trong danh sách để in.': 'Select a row in the list to print.',
    'In bản của dòng đang chọn, xem trước rồi in': "Print the selected row's form: preview, then print",
    'Công an xã, phường, đặc khu: quản lý khu dân cư, hộ gia đình, cam kết, đăng ký, tự đánh giá và gửi dữ liệu lên cấp trên.': 'Commune, ward or special-zone police: manage residential areas, households, pledges, registrations, self-assessments, and send data to the upper office.',
    'Đơn vị cấp trên (cụm, khu vực) có mã riêng: nhận, kiểm tra và tổng hợp dữ liệu của các xã.': "Upper office (cluster or area) with its own code: receives, checks and consolidates the communes' data.",
    'Công an cấp tỉnh: nhận và tổng hợp dữ liệu của toàn tỉnh.': "Provincial police: receives and consolidates the whole province's data.",
    'Có ở trang “Gửi – nhận dữ liệu”.': 'On the “Send – receive data” page.',
    'Đăng ký khóa từ tệp…': 'Enrol a key from a file…',
    'Thu hồi khóa…': 'Revoke key…',
    'Chỉ đăng ký khóa khi mã vân tay trùng với bản giấy có chữ ký, đóng dấu của xã gửi. Gói dữ liệu chỉ được nhận khi do một khóa còn hiệu lực ở đây ký.': 'Enrol a key only when its fingerprint matches the signed and stamped paper copy from the commune. Packages are accepted only when signed by a key that is valid here.',
    'Đã thu hồi %1': 'Revoked %1',
    'Còn hiệu lực': 'Valid',
    'Chọn tệp khóa công khai của xã': "Choose the commune's public key file",
    'Tệp khóa (*.antqkey)': 'Key files (*.antqkey)',
    'Không đọc được tệp khóa. Hãy kiểm tra USB rồi thử lại.': 'Could not read the key file. Check the USB stick and try again.',
    'Đơn vị: %1 (mã %2)\nMã vân tay: %3\n\nMã vân tay này có trùng với bản giấy có chữ ký, đóng dấu của đơn vị gửi không? Chỉ bấm “Có” khi đã đối chiếu từng ký tự.': 'Unit: %1 (code %2)\nFingerprint: %3\n\nDoes this fingerprint match the signed and stamped paper copy from the sending unit? Press “Yes” only after comparing every character.',
    'Đăng ký khóa tin cậy': 'Enrol trusted key',
    'Thu hồi khóa': 'Revoke key',
    'Hãy chọn một khóa trong danh sách.': 'Select a key in the list.',
    'Thu hồi khóa của %1 (%2)? Các gói do khóa này ký sẽ bị từ chối. Lý do:': 'Revoke the key of %1 (%2)? Packages signed by this key will be refused. Reason:',
    'Chưa lập được biên nhận': 'Receipt not made',
    'Không ghi được tệp biên nhận. Hãy kiểm tra USB hoặc thư mục rồi thử lại.': 'Could not write the receipt file. Check the USB stick or folder and try again.',
    'Lập biên nhận': 'Make receipt',
    'Đã hợp nhất {0} gói. Lập biên nhận có ký số để gửi lại đơn vị gửi (họ dùng nó để đối chiếu số liệu)?': 'Merged {0} package(s). Make a signed receipt to send back to the sender (they use it to check the figures)?',
    'Lưu biên nhận': 'Save receipt',
    'Đã lập biên nhận': 'Receipt made',
    'Đã lưu biên nhận. Hãy chép tệp vào USB và gửi lại cho đơn vị gửi.': 'Receipt saved. Copy the file to a USB stick and give it back to the sending unit.',
    'Đăng ký tại đơn vị': 'Enrolled here',
    'Thay khóa (xã thông báo)': 'Replacement (announced by the commune)',
    'Khóa cấp trên': 'Upper office key',
    'Được cấp dưới bảo lãnh': 'Vouched for by a lower office',
    'Mã vân tay': 'Fingerprint',
    'Nguồn': 'Source',
    'Người đăng ký': 'Enrolled by',
    'Tình trạng': 'Status',
    'Đang mở dữ liệu…': 'Opening the data…',
    # ---- session 2: redo setup, dashboard to-do, Excel import jobs, upper-office loads ----
    'Khóa tin cậy': 'Trusted keys',
    'Đang tải danh sách khóa…': 'Loading the key list…',
    'cơ sở dữ liệu không đọc được (có thể đang bị khóa hoặc hỏng)': 'the database could not be read (it may be locked or damaged)',
    'Không tải được danh sách khóa: %1. Hãy bấm “Làm mới” để thử lại; nếu vẫn lỗi, hãy chạy “antq check” hoặc báo cán bộ kỹ thuật.': 'Could not load the key list: %1. Press “Refresh” to try again; if it still fails, run “antq check” or tell the technical staff.',
    'Đang tải dữ liệu của xã…': "Loading the commune's data…",
    'Dữ liệu của xã': 'Commune data',
    'Không tải được dữ liệu của xã: %1. Hãy đóng cửa sổ này rồi mở lại; nếu vẫn lỗi, hãy chạy “antq check” hoặc báo cán bộ kỹ thuật.': "Could not load the commune's data: %1. Close this window and open it again; if it still fails, run “antq check” or tell the technical staff.",
    'Không tính được số liệu các xã: %1. Hãy bấm “Làm mới” để thử lại; nếu vẫn lỗi, hãy chạy “antq check” hoặc báo cán bộ kỹ thuật.': "Could not compute the communes' figures: %1. Press “Refresh” to try again; if it still fails, run “antq check” or tell the technical staff.",
    'Cán bộ quản trị': 'Administrator',
    'Họ tên in trên thanh trạng thái và ghi trong nhật ký. Tên đăng nhập và mật khẩu đổi ở trang Tài khoản.': 'The full name shown in the status bar and recorded in the audit log. The user name and password are changed on the Accounts page.',
    'Khóa của đơn vị và của cấp trên': "This unit's keys and the upper office's key",
    'Không bắt buộc: tạo khóa mới cho đơn vị, hoặc nhập hay thay tệp khóa của cấp trên.': "Optional: make new keys for the unit, or import or replace the upper office's key file.",
    'chưa có': 'none yet',
    'Mã vân tay khóa của đơn vị: %1': "Fingerprint of this unit's key: %1",
    'Tạo cặp khóa mới cho đơn vị': 'Make a new key pair for the unit',
    'Dùng khi nghi mật khẩu hoặc khóa bị lộ. Khóa cũ vẫn được giữ để các gói đã gửi vẫn kiểm tra được; gói xuất tiếp theo được ký bằng khóa cũ và báo cho cấp trên biết khóa mới.': 'Use this if the password or the key may have been exposed. The old key is kept so packages already sent can still be verified; the next export is signed with the old key and tells the upper office about the new one.',
    'Khóa của cấp trên đang dùng: %1': 'Upper office key in use: %1',
    'Bỏ chọn': 'Clear',
    'Sẽ dùng khóa mới của cấp trên: %1 (%2) — mã vân tay %3. Hãy đối chiếu với bản giấy.': "Will use the upper office's new key: %1 (%2) — fingerprint %3. Compare it with the paper copy.",
    'Xác nhận thay đổi': 'Confirm the changes',
    'Nhập mật khẩu đăng nhập của bạn để lưu. Bấm “Hủy” thì không có gì thay đổi.': 'Enter your sign-in password to save. Press “Cancel” and nothing changes.',
    'Lưu thay đổi': 'Save changes',
    'Mật khẩu của bạn:': 'Your password:',
    'Không có thay đổi nào. Bấm “Hủy” để đóng.': 'Nothing has changed. Press “Cancel” to close.',
    'Đã lưu': 'Saved',
    'Đã lưu các thay đổi và ghi vào nhật ký.': 'The changes were saved and recorded in the audit log.',
    'Không có thay đổi nào.': 'Nothing was changed.',
    'Mã vân tay khóa mới của đơn vị: <b>%1</b>.': "Fingerprint of the unit's new key: <b>%1</b>.",
    'Đơn vị mới: <b>%1</b> (mã %2). Hãy xuất tệp khóa công khai mới (trang Gửi – nhận dữ liệu) gửi cấp trên, rồi đóng và mở lại chương trình để mọi trang dùng đơn vị mới.': 'New unit: <b>%1</b> (code %2). Export the new public key file (Send – receive data page) for the upper office, then close and reopen the program so every page uses the new unit.',
    'Lần xuất dữ liệu tiếp theo sẽ báo khóa mới cho cấp trên.': 'The next data export will tell the upper office about the new key.',
    'Thiết lập lại đơn vị — ANTQ Desktop': 'Redo unit setup — ANTQ Desktop',
    'Các trang đã điền sẵn thiết lập hiện tại; chỉ sửa những gì cần đổi. Chưa có gì được lưu cho đến khi bạn xác nhận ở trang cuối.': 'The pages show the current setup; change only what needs changing. Nothing is saved until you confirm on the last page.',
    'Cấp: %1 → %2': 'Level: %1 → %2',
    'Đơn vị: %1 (%2) → %3 (%4)': 'Unit: %1 (%2) → %3 (%4)',
    'Tạo cặp khóa mới cho đơn vị mới (tệp khóa cũ mang mã đơn vị cũ).': 'Make a new key pair for the new unit (the old key file names the old unit).',
    'Tạo cặp khóa mới cho đơn vị.': 'Make a new key pair for the unit.',
    'Họ tên cán bộ: %1 → %2': "Officer's name: %1 → %2",
    'Đã lưu thiết lập đơn vị.': 'Unit setup saved.',
    'Chỉ quản trị viên đã đăng nhập mới được thiết lập lại đơn vị. Hãy nhờ quản trị viên.': 'Only a signed-in administrator can redo the unit setup. Ask an administrator.',
    'Thông tin đơn vị được đặt khi thiết lập ban đầu; quản trị viên đổi bằng nút “Thiết lập lại đơn vị…” ở mục Quản trị.': 'The unit is set during the initial setup; an administrator changes it with the “Redo unit setup…” button under Administration.',
    'Chạy lại trình thiết lập (chỉ quản trị viên): họ tên cán bộ, khóa của đơn vị và của cấp trên; đổi đơn vị khi tệp dữ liệu chưa có dữ liệu': "Run the setup again (administrators only): officer's name, this unit's and the upper office's keys; change the unit while the data file holds no data",
    'Mở danh sách khu dân cư, chỉ các khu chưa đăng ký': 'Opens the residential areas list, showing only the areas not registered',
    'Mở trang Đăng ký với bản đăng ký mới cho khu dân cư này': 'Opens the Registrations page with a new registration for this area',
    'Mở trang Đăng ký': 'Opens the Registrations page',
    'Mở danh sách hộ gia đình, chỉ các hộ chưa ký cam kết năm nay': 'Opens the households list, showing only the households without a pledge this year',
    'Mở danh sách hộ gia đình của khu dân cư này, chỉ các hộ chưa ký cam kết': "Opens this area's households, showing only those without a pledge",
    'Mở trang Tự đánh giá': 'Opens the Self-assessment page',
    'Mở bản tự đánh giá của đơn vị này': "Opens this unit's self-assessment",
    '%1 (bấm đúp hoặc Enter)': '%1 (double-click or Enter)',
    'Đã xong, không còn việc nào ở mục này.': 'Done: nothing left to do here.',
    'khu dân cư chưa đăng ký năm %1': 'residential areas not registered for %1',
    'hộ chưa ký cam kết năm %1': 'households without a pledge for %1',
    'Đang lọc: %1': 'Filtered: %1',
    '✕ Bỏ lọc': '✕ Clear filter',
    'Bỏ điều kiện lọc này, hiện lại toàn bộ danh sách': 'Remove this filter and show the whole list again',
    'Đang đọc tệp Excel…': 'Reading the Excel file…',
    'Đã hủy đọc tệp. Bấm “Tiếp >” để đọc lại.': 'Reading the file was cancelled. Click “Next >” to read it again.',
    'Đang kiểm tra các dòng…': 'Checking the rows…',
    'Đã hủy kiểm tra. Bấm “Tiếp >” để kiểm tra lại.': 'Checking was cancelled. Click “Next >” to check again.',
    'Đã hủy nhập': 'Import cancelled',
    'Đã hủy; không có dòng nào được lưu. Bấm “Nhập” để nhập lại.': 'Cancelled; no rows were saved. Click “Import” to import again.',
    # ---- desktop conventions: menus, about, typed dates, undo/redo, accessibility ----
    "&Tệp": "&File",
    "&Mở gói dữ liệu…": "&Open package…",
    "&Xuất…": "&Export…",
    "&In…": "&Print…",
    "T&hoát": "&Quit",
    "&Sửa": "&Edit",
    "&Hoàn tác": "&Undo",
    "&Hoàn tác: %1": "&Undo: %1",
    "&Làm lại": "&Redo",
    "&Làm lại: %1": "&Redo: %1",
    "&Tìm": "&Find",
    "Trợ &giúp": "&Help",
    "&Giới thiệu ANTQ Desktop…": "&About ANTQ Desktop…",
    "Nhận gói kế hoạch": "Receive plan package",
    "Nhận gói kế hoạch của cấp trên trong tệp “%1”?": "Receive the upper office's plan package in “%1”?",
    "Không có thao tác nào để làm lại.": "There is nothing to redo.",
    "Không làm lại được": "Could not redo",
    "Đang làm lại…": "Redoing…",
    "Đã làm lại: %1": "Redone: %1",
    "Giới thiệu %1": "About %1",
    "Thông tin": "Information",
    "Giấy phép": "Licences",
    "Nhật ký lỗi": "Error log",
    "Giới thiệu": "About",
    "Đó&ng": "&Close",
    "Phần mềm quản lý phong trào Toàn dân bảo vệ an ninh Tổ quốc":
        "Records of the All People Protect National Security movement",
    "Phiên bản:": "Version:",
    "Tệp dữ liệu:": "Data file:",
    "Thư mục nhật ký:": "Log folder:",
    "&Sao chép nhật ký": "&Copy the log",
    "&Mở thư mục nhật ký": "&Open the log folder",
    "=== Lần chương trình bị đóng đột ngột ===": "=== The last time the program stopped abruptly ===",
    "Chưa có lỗi nào được ghi lại.": "No error has been logged.",
    "Bảng: %1": "Table: %1",
    "Lần gửi dữ liệu gần nhất: %1 (gói số %2)": "Last data sent: %1 (package %2)",
    "Chưa có khóa của cấp trên": "No key of the upper office yet",
    "Chưa xuất được gói dữ liệu: máy này chưa có khóa của cấp trên để mã hóa gói. Hãy bấm "
    "“Nhập khóa của cấp trên…” ở khung “Khóa của đơn vị” phía trên, chọn tệp .antqkey do cấp "
    "trên gửi (so mã vân tay với bản giấy), rồi bấm “Xuất gói dữ liệu” lại.":
        "The data package was not exported: this computer has no key of the upper office to encrypt it. "
        "Click “Import the upper office's key…” in the “Unit key” box above, choose the .antqkey file the "
        "upper office sent (compare the fingerprint with the paper copy), then click “Export data package” again.",
    "ngày/tháng/năm": "day/month/year",
    "Ngày (ngày/tháng/năm)": "Date (day/month/year)",
    "Chọn ngày trên lịch": "Pick the date on a calendar",
    "Hãy nhập ngày, ví dụ 15/03/2026.": "Enter a date, for example 15/03/2026.",
    "Không có ngày %1/%2/%3. Hãy kiểm tra lại ngày và tháng.":
        "There is no date %1/%2/%3. Check the day and the month.",
    "Ngày %1 chưa tới: hãy kiểm tra lại ngày đã nhập.": "%1 is in the future: check the date entered.",
    "Ngày %1 quá xa trong quá khứ: hãy kiểm tra lại năm.": "%1 is too far in the past: check the year.",
    "“%1” không phải là ngày. Hãy gõ ngày/tháng/năm, ví dụ 15/03/2026.":
        "“%1” is not a date. Type day/month/year, for example 15/03/2026.",
}

# Where one Vietnamese text needs a different English one in a given context.
IN_CONTEXT = {
    ("Catalog", "Khu dân cư"): "Residential area",
    ("ImportFields", "Khu dân cư"): "Residential area",
}


def fill(ts_path: str) -> list[str]:
    """Write known translations into the .ts file; returns the sources still without one."""
    tree = ET.parse(ts_path)
    missing = []
    for context in tree.getroot().iter("context"):
        missing += _fill_context(context)
    tree.write(ts_path, encoding="utf-8", xml_declaration=True)
    return missing


def _fill_context(context: ET.Element) -> list[str]:
    name = context.findtext("name") or ""
    missing = []
    for message in context.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        english = IN_CONTEXT.get((name, source), ENGLISH.get(source))
        if english is not None:
            translation.text = english
            translation.attrib.pop("type", None)
        elif not (translation.text or "").strip():
            translation.set("type", "unfinished")
            missing.append(source)
    return missing


if __name__ == "__main__":
    untranslated = fill(sys.argv[1])
    for source in untranslated:
        print(f"chưa dịch / untranslated: {source!r}", file=sys.stderr)
    print(f"{len(untranslated)} untranslated string(s)")
