<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_GB" sourcelanguage="vi_VN">
<context>
    <name />
    <message>
        <location filename="../../src/antq_desktop/ui/widgets/fields.py" line="266" />
        <source>— Không chọn —</source>
        <translation>— None —</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/widgets/fields.py" line="271" />
        <source>Gõ tên chủ hộ, địa chỉ hoặc số định danh để tìm</source>
        <translation>Type a household head's name, address or ID number to search</translation>
    </message>
</context>
<context>
    <name>About</name>
    <message>
        <source>&amp;Mở thư mục nhật ký</source>
        <translation>&amp;Open the log folder</translation>
    </message>
    <message>
        <source>&amp;Sao chép nhật ký</source>
        <translation>&amp;Copy the log</translation>
    </message>
    <message>
        <source>=== Lần chương trình bị đóng đột ngột ===</source>
        <translation>=== The last time the program stopped abruptly ===</translation>
    </message>
    <message>
        <source>Chưa có lỗi nào được ghi lại.</source>
        <translation>No error has been logged.</translation>
    </message>
    <message>
        <source>Giấy phép</source>
        <translation>Licences</translation>
    </message>
    <message>
        <source>Giới thiệu</source>
        <translation>About</translation>
    </message>
    <message>
        <source>Giới thiệu %1</source>
        <translation>About %1</translation>
    </message>
    <message>
        <source>Nhật ký lỗi</source>
        <translation>Error log</translation>
    </message>
    <message>
        <source>Phiên bản:</source>
        <translation>Version:</translation>
    </message>
    <message>
        <source>Phần mềm quản lý phong trào Toàn dân bảo vệ an ninh Tổ quốc</source>
        <translation>Records of the All People Protect National Security movement</translation>
    </message>
    <message>
        <source>Thông tin</source>
        <translation>Information</translation>
    </message>
    <message>
        <source>Thư mục nhật ký:</source>
        <translation>Log folder:</translation>
    </message>
    <message>
        <source>Tệp dữ liệu:</source>
        <translation>Data file:</translation>
    </message>
    <message>
        <source>Đó&amp;ng</source>
        <translation>&amp;Close</translation>
    </message>
</context>
<context>
    <name>Accessibility</name>
    <message>
        <source>Bảng: %1</source>
        <translation>Table: %1</translation>
    </message>
</context>
<context>
    <name>ActivitiesPage</name>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="252" />
        <source>Mô hình</source>
        <translation>Models</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="252" />
        <source>Ngày hội 19/8</source>
        <translation>19 August festival day</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="253" />
        <source>Phổ biến, quán triệt</source>
        <translation>Briefings</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="254" />
        <source>Khen thưởng</source>
        <translation>Commendations</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="254" />
        <source>Tổ bảo vệ ANTT</source>
        <translation>Security and order team</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="255" />
        <source>Xếp loại tổ</source>
        <translation>Team classification</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="266" />
        <source>Các loại hoạt động của phong trào</source>
        <translation>The movement's activities</translation>
    </message>
</context>
<context>
    <name>AddUserDialog</name>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/users_page.py" line="48" />
        <source>Thêm tài khoản</source>
        <translation>Add account</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/users_page.py" line="56" />
        <source>Tên đăng nhập</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/users_page.py" line="57" />
        <source>Họ tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/users_page.py" line="58" />
        <source>Vai trò</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/users_page.py" line="59" />
        <source>Mật khẩu</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/users_page.py" line="60" />
        <source>Nhập lại mật khẩu</source>
        <translation>Repeat password</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/users_page.py" line="61" />
        <source>Ít nhất %1 ký tự; nên dùng một câu ngắn dễ nhớ.</source>
        <translation>At least %1 characters; a short memorable sentence is best.</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>ANTQ Desktop đang mở trên tệp dữ liệu này ở một cửa sổ khác. Hãy dùng cửa sổ đang mở (xem thanh tác vụ). Nếu chắc chắn không còn cửa sổ nào, hãy khởi động lại máy rồi mở lại.</source>
        <translation>ANTQ Desktop is already open on this data file in another window. Use that window (see the taskbar). If you are sure no window is left, restart the computer and open it again.</translation>
    </message>
    <message>
        <source>Chương trình đang mở</source>
        <translation>The program is already open</translation>
    </message>
    <message>
        <source>Không mở được dữ liệu</source>
        <translation>Could not open the data</translation>
    </message>
    <message>
        <source>Đang mở dữ liệu</source>
        <translation>Opening the data</translation>
    </message>
</context>
<context>
    <name>AreaPledgeDialog</name>
    <message>
        <location filename="../../src/antq_desktop/ui/dialogs/bulk_dialogs.py" line="31" />
        <source>Ghi cam kết cho cả khu dân cư</source>
        <translation>Record pledges for a whole residential area</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/dialogs/bulk_dialogs.py" line="33" />
        <source>Ghi bản cam kết năm %1 (đã ký) cho mọi hộ của khu dân cư chưa có bản cam kết năm này. Hộ đã có bản cam kết được giữ nguyên.</source>
        <translation>Record a signed %1 pledge for every household of the area that has no pledge this year. Households that already have one are left as they are.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/dialogs/bulk_dialogs.py" line="47" />
        <source>Khu dân cư:</source>
        <translation>Residential area:</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/dialogs/bulk_dialogs.py" line="48" />
        <source>Ngày ký:</source>
        <translation>Signed on:</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/dialogs/bulk_dialogs.py" line="54" />
        <source>Ghi cam kết</source>
        <translation>Record pledges</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/dialogs/bulk_dialogs.py" line="55" />
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/dialogs/bulk_dialogs.py" line="67" />
        <source>Số hộ sẽ được ghi cam kết: %1</source>
        <translation>Households that will get a pledge: %1</translation>
    </message>
</context>
<context>
    <name>AssessmentForm</name>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/assessment_form.py" line="61" />
        <source> &lt;b&gt;(bắt buộc)&lt;/b&gt;</source>
        <translation> &lt;b&gt;(required)&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/assessment_form.py" line="65" />
        <source>%1 điểm</source>
        <translation>%1 points</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/assessment_form.py" line="68" />
        <source>Ghi chú</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/assessment_form.py" line="70" />
        <source>Minh chứng (số văn bản, biên bản…)</source>
        <translation>Evidence (document number, minutes…)</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/assessment_form.py" line="169" />
        <source>&lt;h2&gt;Tự đánh giá năm %1: %2&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Self-assessment %1: %2&lt;/h2&gt;</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/assessment_form.py" line="173" />
        <source>Bộ tiêu chí: %1 (phiên bản %2) — loại đơn vị: %3</source>
        <translation>Criteria catalogue: %1 (version %2) — unit type: %3</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/assessment_form.py" line="177" />
        <source>Lưu ý: </source>
        <translation>Note: </translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/assessment_form.py" line="218" />
        <source>Người đánh giá</source>
        <translation>Assessed by</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/assessment_form.py" line="219" />
        <source>Ngày đánh giá</source>
        <translation>Assessment date</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/assessment_form.py" line="220" />
        <source>Ghi chú chung</source>
        <translation>General note</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/assessment_form.py" line="240" />
        <source>Lưu nháp</source>
        <translation>Save draft</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/assessment_form.py" line="241" />
        <source>Nộp và khóa</source>
        <translation>Submit and lock</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/assessment_form.py" line="242" />
        <location filename="../../src/antq_desktop/ui/pages/assessment_form.py" line="364" />
        <source>Mở lại để sửa</source>
        <translation>Reopen for editing</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/assessment_form.py" line="283" />
        <source>Trạng thái: Đã nộp — đã khóa</source>
        <translation>Status: submitted — locked</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/assessment_form.py" line="285" />
        <source>Trạng thái: Đang soạn (bản nháp)</source>
        <translation>Status: being written (draft)</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/assessment_form.py" line="287" />
        <source>Trạng thái: Chưa lưu</source>
        <translation>Status: not saved yet</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/assessment_form.py" line="295" />
        <source>Điểm: %1 / %2</source>
        <translation>Score: %1 / %2</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/assessment_form.py" line="298" />
        <source>Kết quả: %1</source>
        <translation>Result: %1</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/assessment_form.py" line="298" />
        <source>Đạt</source>
        <translation>Met</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/assessment_form.py" line="298" />
        <source>Chưa đạt</source>
        <translation>Not met</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/assessment_form.py" line="301" />
        <source>Chưa đạt tiêu chí bắt buộc: %1</source>
        <translation>Required criteria not met: %1</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/assessment_form.py" line="306" />
        <source>Xếp loại: %1</source>
        <translation>Classification: %1</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/assessment_form.py" line="324" />
        <location filename="../../src/antq_desktop/ui/pages/assessment_form.py" line="337" />
        <location filename="../../src/antq_desktop/ui/pages/assessment_form.py" line="340" />
        <source>Chưa lưu được: %1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/assessment_form.py" line="354" />
        <source>Nộp bản tự đánh giá</source>
        <translation>Submit the self-assessment</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/assessment_form.py" line="355" />
        <source>Sau khi nộp, bản tự đánh giá sẽ bị khóa và được tính vào chỉ tiêu. Muốn sửa phải “Mở lại để sửa”. Nộp ngay?</source>
        <translation>Once submitted, the self-assessment is locked and counts towards the targets. To change it you must “Reopen for editing”. Submit now?</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/assessment_form.py" line="365" />
        <source>Bản tự đánh giá sẽ trở lại trạng thái nháp (tạo phiên bản mới) và không được tính vào chỉ tiêu cho đến khi nộp lại. Tiếp tục?</source>
        <translation>The self-assessment goes back to draft (as a new revision) and does not count towards the targets until it is submitted again. Continue?</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/assessment_form.py" line="372" />
        <source>Không mở lại được: %1</source>
        <translation>Could not reopen: %1</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/assessment_form.py" line="385" />
        <source>Tự đánh giá</source>
        <translation>Self-assessments</translation>
    </message>
</context>
<context>
    <name>AssessmentView</name>
    <message>
        <location filename="../../src/antq_desktop/ui/dialogs/assessment_view.py" line="23" />
        <source>Bản tự đánh giá (chỉ xem)</source>
        <translation>Self-assessment (read only)</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/dialogs/assessment_view.py" line="30" />
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/dialogs/assessment_view.py" line="39" />
        <source>Ngày đánh giá</source>
        <translation>Assessment date</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/dialogs/assessment_view.py" line="40" />
        <source>Người đánh giá</source>
        <translation>Assessed by</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/dialogs/assessment_view.py" line="41" />
        <source>Điểm</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/dialogs/assessment_view.py" line="42" />
        <source>Xếp loại</source>
        <translation>Classification</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/dialogs/assessment_view.py" line="43" />
        <source>Kết quả</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/dialogs/assessment_view.py" line="43" />
        <source>Đạt</source>
        <translation>Met</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/dialogs/assessment_view.py" line="43" />
        <source>Chưa đạt</source>
        <translation>Not met</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/dialogs/assessment_view.py" line="44" />
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/dialogs/assessment_view.py" line="46" />
        <source>Từng tiêu chí</source>
        <translation>Criteria</translation>
    </message>
</context>
<context>
    <name>AuditLabels</name>
    <message>
        <location filename="../../src/antq_desktop/ui/audit_labels.py" line="15" />
        <source>Thiết lập đơn vị</source>
        <translation>Unit set up</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/audit_labels.py" line="15" />
        <source>Thêm</source>
        <translation>Added</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/audit_labels.py" line="15" />
        <source>Sửa</source>
        <translation>Edited</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/audit_labels.py" line="16" />
        <source>Xóa</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/audit_labels.py" line="16" />
        <source>Khôi phục</source>
        <translation>Restored</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/audit_labels.py" line="16" />
        <source>Đăng nhập</source>
        <translation>Signed in</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/audit_labels.py" line="17" />
        <source>Đăng nhập sai</source>
        <translation>Failed sign-in</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/audit_labels.py" line="17" />
        <source>Tạo tài khoản</source>
        <translation>Account created</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/audit_labels.py" line="17" />
        <source>Khóa tài khoản</source>
        <translation>Account disabled</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/audit_labels.py" line="18" />
        <source>Mở khóa tài khoản</source>
        <translation>Account enabled</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/audit_labels.py" line="18" />
        <source>Đổi vai trò</source>
        <translation>Role changed</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/audit_labels.py" line="18" />
        <source>Đặt lại mật khẩu</source>
        <translation>Password reset</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/audit_labels.py" line="19" />
        <source>Đổi mật khẩu</source>
        <translation>Password changed</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/audit_labels.py" line="19" />
        <source>Đổi cài đặt</source>
        <translation>Setting changed</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/audit_labels.py" line="19" />
        <source>Sao lưu</source>
        <translation>Backup</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/audit_labels.py" line="20" />
        <source>Xuất dữ liệu</source>
        <translation>Data exported</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/audit_labels.py" line="20" />
        <source>Hợp nhất gói</source>
        <translation>Package merged</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/audit_labels.py" line="20" />
        <source>Từ chối gói</source>
        <translation>Package refused</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/audit_labels.py" line="21" />
        <source>Xuất nhật ký</source>
        <translation>Log exported</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/audit_labels.py" line="21" />
        <source>Giữ gói chờ gói trước</source>
        <translation>Package held for an earlier one</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/audit_labels.py" line="22" />
        <source>Tạo khóa đơn vị</source>
        <translation>Unit key created</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/audit_labels.py" line="22" />
        <source>Xem đầy đủ số định danh</source>
        <translation>Full citizen IDs viewed</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/audit_labels.py" line="23" />
        <source>Bọc lại khóa đơn vị</source>
        <translation>Unit key re-wrapped</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/audit_labels.py" line="23" />
        <source>Thay khóa đơn vị</source>
        <translation>Unit key replaced</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/audit_labels.py" line="24" />
        <source>Thông báo khóa mới</source>
        <translation>New key announced</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/audit_labels.py" line="24" />
        <source>Nhận thông báo khóa</source>
        <translation>Key announcement received</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/audit_labels.py" line="25" />
        <source>Đặt khóa cấp trên</source>
        <translation>Upper office key set</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/audit_labels.py" line="25" />
        <source>Tin cậy khóa</source>
        <translation>Key trusted</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/audit_labels.py" line="25" />
        <source>Thu hồi khóa</source>
        <translation>Key revoked</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/audit_labels.py" line="26" />
        <source>Đổi danh sách xã</source>
        <translation>Commune list changed</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/audit_labels.py" line="26" />
        <source>Đổi địa bàn cơ quan cấp dưới</source>
        <translation>Lower office's area changed</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/audit_labels.py" line="27" />
        <source>Đổi hạn nộp</source>
        <translation>Deadline changed</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/audit_labels.py" line="27" />
        <source>Lập biên nhận</source>
        <translation>Receipt made</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/audit_labels.py" line="27" />
        <source>Kiểm tra biên nhận</source>
        <translation>Receipt checked</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/audit_labels.py" line="28" />
        <source>Nhận khóa được bảo lãnh</source>
        <translation>Vouched key received</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/audit_labels.py" line="28" />
        <source>Gửi kế hoạch xuống xã</source>
        <translation>Plan sent to communes</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/audit_labels.py" line="29" />
        <source>Nhận kế hoạch cấp trên</source>
        <translation>Upper office plan received</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/audit_labels.py" line="29" />
        <source>Chuyển gói lên cấp trên</source>
        <translation>Package forwarded up</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/audit_labels.py" line="30" />
        <source>Nhận gói chuyển tiếp</source>
        <translation>Forwarded package received</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/audit_labels.py" line="30" />
        <source>Thiết lập lại đơn vị</source>
        <translation>Unit set up again</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/audit_labels.py" line="31" />
        <source>Giải quyết xung đột dữ liệu</source>
        <translation>Data conflict resolved</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/audit_labels.py" line="31" />
        <source>Hộ chuyển đi</source>
        <translation>Household moved away</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/audit_labels.py" line="32" />
        <source>Lập kế hoạch năm</source>
        <translation>Year plan made</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/audit_labels.py" line="32" />
        <source>Thu hồi khóa do cấp dưới báo lên</source>
        <translation>Key revoked as reported by a lower office</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/audit_labels.py" line="33" />
        <source>Chuyển bản sao gói vào cơ sở dữ liệu</source>
        <translation>Package copy moved into the database</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/audit_labels.py" line="33" />
        <source>Cấp khóa đơn vị cho tài khoản</source>
        <translation>Unit's keys granted to an account</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/audit_labels.py" line="34" />
        <source>Thu hồi khóa đơn vị của tài khoản</source>
        <translation>Unit's keys removed from an account</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/audit_labels.py" line="34" />
        <source>Nhận bản khóa cũ của đơn vị</source>
        <translation>Unit's earlier key copy claimed</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/audit_labels.py" line="35" />
        <source>Chuyển khóa mới cho người giữ khóa</source>
        <translation>New key handed over to key holders</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/audit_labels.py" line="35" />
        <source>Xong chuyển khóa mới</source>
        <translation>New key handover finished</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/audit_labels.py" line="36" />
        <source>Gửi gói khôi phục cho xã</source>
        <translation>Send a recovery package to the commune</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/audit_labels.py" line="36" />
        <source>Nhận dữ liệu khôi phục của cấp trên</source>
        <translation>Recovery data from the upper office</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/audit_labels.py" line="39" />
        <source>Khu dân cư</source>
        <translation>Residential area</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/audit_labels.py" line="39" />
        <source>Cơ quan – doanh nghiệp – trường học</source>
        <translation>Agency – enterprise – school</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/audit_labels.py" line="40" />
        <source>Hộ gia đình</source>
        <translation>Household</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/audit_labels.py" line="40" />
        <source>Bản cam kết</source>
        <translation>Pledge</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/audit_labels.py" line="40" />
        <source>Đăng ký</source>
        <translation>Registration</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/audit_labels.py" line="41" />
        <source>Tự đánh giá</source>
        <translation>Self-assessment</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/audit_labels.py" line="41" />
        <source>Kế hoạch</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/audit_labels.py" line="41" />
        <source>Chỉ tiêu</source>
        <translation>Target</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/audit_labels.py" line="42" />
        <source>Tài khoản</source>
        <translation>Account</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/audit_labels.py" line="42" />
        <source>Khóa</source>
        <translation>Key</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/audit_labels.py" line="42" />
        <source>Gói dữ liệu</source>
        <translation>Data package</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/audit_labels.py" line="43" />
        <source>Biên nhận</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/audit_labels.py" line="43" />
        <source>Cài đặt</source>
        <translation>Setting</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/audit_labels.py" line="43" />
        <source>Thông tin đơn vị</source>
        <translation>Unit details</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/audit_labels.py" line="44" />
        <source>Nhân khẩu</source>
        <translation>Household member</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/audit_labels.py" line="44" />
        <source>Biên bản họp</source>
        <translation>Meeting minutes</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/audit_labels.py" line="44" />
        <source>Quyết định công nhận</source>
        <translation>Recognition decision</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/audit_labels.py" line="45" />
        <source>Mô hình, điển hình tiên tiến</source>
        <translation>Model or advanced example</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/audit_labels.py" line="45" />
        <source>Ngày hội toàn dân bảo vệ ANTQ</source>
        <translation>All People Protect National Security festival day</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/audit_labels.py" line="46" />
        <source>Buổi phổ biến, quán triệt</source>
        <translation>Briefing</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/audit_labels.py" line="46" />
        <source>Khen thưởng, biểu dương</source>
        <translation>Commendation</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/audit_labels.py" line="47" />
        <source>Tổ bảo vệ an ninh, trật tự</source>
        <translation>Security and order team</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/audit_labels.py" line="47" />
        <source>Xếp loại tổ bảo vệ ANTT</source>
        <translation>Security team rating</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/audit_labels.py" line="51" />
        <source>Công an cấp xã</source>
        <translation>Commune police</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/audit_labels.py" line="51" />
        <source>Cấp trên (cụm, khu vực)</source>
        <translation>Upper office (cluster, area)</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/audit_labels.py" line="52" />
        <source>Công an cấp tỉnh</source>
        <translation>Provincial police</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/audit_page.py" line="48" />
        <source>&lt;h2&gt;Nhật ký thao tác&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Activity log&lt;/h2&gt;</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/audit_page.py" line="53" />
        <source>Chỉ quản trị viên xem được nhật ký thao tác. Hãy nhờ quản trị viên.</source>
        <translation>Only administrators can view the activity log. Please ask an administrator.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/audit_page.py" line="82" />
        <source>Từ ngày</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/audit_page.py" line="83" />
        <source>Đến ngày</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/audit_page.py" line="88" />
        <source>Tìm trong nội dung, mã bản ghi…</source>
        <translation>Search the details, record ID…</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/audit_page.py" line="90" />
        <source>Lọc</source>
        <translation>Filter</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/audit_page.py" line="92" />
        <source>Xuất Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/audit_page.py" line="39" />
        <location filename="../../src/antq_desktop/ui/pages/audit_page.py" line="94" />
        <source>Người thực hiện</source>
        <translation>Done by</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/audit_page.py" line="39" />
        <location filename="../../src/antq_desktop/ui/pages/audit_page.py" line="95" />
        <source>Thao tác</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/audit_page.py" line="40" />
        <location filename="../../src/antq_desktop/ui/pages/audit_page.py" line="96" />
        <source>Loại bản ghi</source>
        <translation>Record type</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/audit_page.py" line="113" />
        <source>Tất cả</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/audit_page.py" line="127" />
        <source>‹ Trang trước</source>
        <translation>‹ Previous page</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/audit_page.py" line="128" />
        <source>Trang sau ›</source>
        <translation>Next page ›</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/audit_page.py" line="143" />
        <source>Hãy nhập ngày, ví dụ 15/03/2026, hoặc bỏ dấu chọn ô này.</source>
        <translation>Enter a date, e.g. 15/03/2026, or untick this box.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/audit_page.py" line="176" />
        <source>Bộ lọc chưa hợp lệ</source>
        <translation>Invalid filter</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/audit_page.py" line="191" />
        <source>%1–%2 trên %3 mục</source>
        <translation>%1–%2 of %3 entries</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/audit_page.py" line="198" />
        <source>Chuỗi nhật ký nguyên vẹn. Mã đầu chuỗi: %1…</source>
        <translation>The log chain is intact. Chain head: %1…</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/audit_page.py" line="200" />
        <source>Nhật ký đã bị sửa hoặc xóa ở %1 chỗ (đầu tiên: %2). Hãy báo ngay cho cấp trên và khôi phục từ bản sao lưu.</source>
        <translation>The log was changed or deleted in %1 places (first: %2). Tell the upper office at once and restore from a backup.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/audit_page.py" line="211" />
        <source>Xuất nhật ký ra Excel</source>
        <translation>Export the log to Excel</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/audit_page.py" line="213" />
        <source>Tệp Excel (*.xlsx)</source>
        <translation>Excel files (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/audit_page.py" line="222" />
        <location filename="../../src/antq_desktop/ui/pages/audit_page.py" line="228" />
        <source>Không xuất được nhật ký</source>
        <translation>Could not export the log</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/audit_page.py" line="223" />
        <source>Ngày lọc chưa đúng. Hãy sửa ô ngày có chữ đỏ rồi bấm “Xuất Excel…” lại.</source>
        <translation>A filter date is not right. Correct the date with the red message, then press “Export to Excel…” again.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/audit_page.py" line="231" />
        <source>Đã xuất %1 dòng nhật ký ra %2.</source>
        <translation>%1 log rows exported to %2.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/audit_page.py" line="39" />
        <source>Thời điểm</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/audit_page.py" line="40" />
        <source>Bản ghi</source>
        <translation>Records</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/audit_page.py" line="40" />
        <source>Nội dung thay đổi</source>
        <translation>Changes</translation>
    </message>
</context>
<context>
    <name>BackupPage</name>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/backup_page.py" line="50" />
        <source>&lt;h2&gt;Sao lưu – khôi phục&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Backup – restore&lt;/h2&gt;</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/backup_page.py" line="51" />
        <source>Bản sao lưu được mã hóa bằng mật khẩu của người tạo; cần đúng mật khẩu đó để khôi phục. Thư mục: %1</source>
        <translation>Backups are encrypted with their creator's password; that same password is needed to restore. Folder: %1</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/backup_page.py" line="66" />
        <source>Sao lưu ngay</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/backup_page.py" line="67" />
        <source>Khôi phục bản đã chọn…</source>
        <translation>Restore the selected backup…</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/backup_page.py" line="92" />
        <source>Chỉ quản trị viên được sao lưu và khôi phục.</source>
        <translation>Only administrators may back up and restore.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/backup_page.py" line="106" />
        <source>(không đọc được)</source>
        <translation>(unreadable)</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/backup_page.py" line="121" />
        <location filename="../../src/antq_desktop/ui/pages/backup_page.py" line="180" />
        <source>Mật khẩu</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/backup_page.py" line="112" />
        <source>Xác nhận</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/backup_page.py" line="69" />
        <source>Chép bản đã chọn ra…</source>
        <translation>Copy selected to…</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/backup_page.py" line="70" />
        <source>Chép bản sao lưu đang chọn ra USB hoặc thư mục khác để cất giữ</source>
        <translation>Copy the selected backup to a USB stick or another folder for safekeeping</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/backup_page.py" line="71" />
        <source>Khôi phục từ tệp khác…</source>
        <translation>Restore from another file…</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/backup_page.py" line="72" />
        <source>Chọn một bản sao lưu (.antqbak) trên USB hoặc thư mục khác</source>
        <translation>Choose a backup (.antqbak) on a USB stick or in another folder</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/backup_page.py" line="120" />
        <source>Nhập mật khẩu của bạn để mã hóa bản sao lưu:</source>
        <translation>Enter your password to encrypt the backup:</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/backup_page.py" line="131" />
        <source>Chưa sao lưu được</source>
        <translation>Backup failed</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/backup_page.py" line="133" />
        <source>Đã sao lưu và kiểm tra: %1</source>
        <translation>Backed up and verified: %1</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/backup_page.py" line="144" />
        <location filename="../../src/antq_desktop/ui/pages/backup_page.py" line="169" />
        <source>Hãy chọn một bản sao lưu trong danh sách.</source>
        <translation>Choose a backup in the list.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/backup_page.py" line="146" />
        <source>Chép bản sao lưu ra</source>
        <translation>Copy the backup to</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/backup_page.py" line="147" />
        <location filename="../../src/antq_desktop/ui/pages/backup_page.py" line="163" />
        <source>Bản sao lưu (*%1)</source>
        <translation>Backup (*%1)</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/backup_page.py" line="154" />
        <source>Chưa chép được</source>
        <translation>Not copied</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/backup_page.py" line="155" />
        <source>Không ghi được “%1”. Hãy kiểm tra USB còn chỗ trống và chưa bị rút, rồi chép lại.</source>
        <translation>Could not write “%1”. Check that the USB stick has free space and is still plugged in, then copy again.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/backup_page.py" line="158" />
        <source>Đã chép bản sao lưu ra %1.</source>
        <translation>Backup copied to %1.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/backup_page.py" line="162" />
        <source>Chọn bản sao lưu để khôi phục</source>
        <translation>Choose the backup to restore</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/backup_page.py" line="174" />
        <source>Khôi phục “%1”? Dữ liệu hiện tại sẽ được thay bằng bản sao lưu này (dữ liệu hiện tại được giữ lại thành một bản sao lưu riêng). Chương trình sẽ đóng sau khi khôi phục.</source>
        <translation>Restore “%1”? The current data will be replaced by this backup (the current data is kept as a separate backup). The program closes after restoring.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/backup_page.py" line="179" />
        <source>Mật khẩu của người đã tạo bản sao lưu:</source>
        <translation>Password of the person who made the backup:</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/backup_page.py" line="185" />
        <location filename="../../src/antq_desktop/ui/pages/backup_page.py" line="197" />
        <location filename="../../src/antq_desktop/ui/pages/backup_page.py" line="200" />
        <source>Không khôi phục được</source>
        <translation>Restore failed</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/backup_page.py" line="195" />
        <source>Nếu đúng là cần vậy, hãy đánh dấu ô “%1” rồi khôi phục lại.</source>
        <translation>If this really is needed, tick “%1” and restore again.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/backup_page.py" line="202" />
        <source>Đã khôi phục bản sao lưu ngày %1. Dữ liệu trước đó được giữ ở %2.</source>
        <translation>The backup of %1 has been restored. The previous data is kept in %2.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/backup_page.py" line="212" />
        <source>Đã khôi phục</source>
        <translation>Restored</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/backup_page.py" line="213" />
        <source>Chương trình sẽ đóng; hãy mở lại.</source>
        <translation>The program will close; please open it again.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/backup_page.py" line="35" />
        <source>Tệp</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/backup_page.py" line="35" />
        <source>Thời điểm tạo</source>
        <translation>Created</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/backup_page.py" line="35" />
        <source>Người tạo</source>
        <translation>Created by</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/backup_page.py" line="36" />
        <source>Dung lượng</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/backup_page.py" line="82" />
        <source>Tôi đồng ý khôi phục bản sao lưu của đơn vị khác (thay toàn bộ dữ liệu của đơn vị này)</source>
        <translation>I agree to restore another unit's backup (it replaces all of this unit's data)</translation>
    </message>
</context>
<context>
    <name>Catalog</name>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/assessment_form.py" line="45" />
        <source>Khu dân cư</source>
        <translation>Residential area</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/assessment_form.py" line="46" />
        <source>Xã, phường, đặc khu</source>
        <translation>Commune, ward, special zone</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/assessment_form.py" line="47" />
        <source>Cơ quan</source>
        <translation>Agency</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/assessment_form.py" line="48" />
        <source>Doanh nghiệp</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/assessment_form.py" line="49" />
        <source>Cơ sở giáo dục</source>
        <translation>School</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/dashboard_page.py" line="53" />
        <source>Tốt</source>
        <translation>Very good</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/dashboard_page.py" line="54" />
        <source>Khá</source>
        <translation>Good</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/dashboard_page.py" line="55" />
        <source>Trung bình</source>
        <translation>Average</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/dashboard_page.py" line="56" />
        <source>Yếu</source>
        <translation>Weak</translation>
    </message>
</context>
<context>
    <name>Choices</name>
    <message>
        <location filename="../../src/antq_desktop/ui/choice_labels.py" line="17" />
        <source>Thôn</source>
        <translation>Village (thon)</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/choice_labels.py" line="17" />
        <source>Làng</source>
        <translation>Village (lang)</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/choice_labels.py" line="17" />
        <source>Bản</source>
        <translation>Hamlet (ban)</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/choice_labels.py" line="17" />
        <source>Ấp</source>
        <translation>Hamlet (ap)</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/choice_labels.py" line="17" />
        <source>Buôn</source>
        <translation>Hamlet (buon)</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/choice_labels.py" line="18" />
        <source>Phum</source>
        <translation>Hamlet (phum)</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/choice_labels.py" line="18" />
        <source>Sóc</source>
        <translation>Hamlet (soc)</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/choice_labels.py" line="18" />
        <source>Khóm</source>
        <translation>Quarter (khom)</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/choice_labels.py" line="18" />
        <source>Tổ dân phố</source>
        <translation>Residential group</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/choice_labels.py" line="19" />
        <source>Khu phố</source>
        <translation>Neighbourhood</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/choice_labels.py" line="19" />
        <source>Khác</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/choice_labels.py" line="20" />
        <source>Cơ quan</source>
        <translation>Agency</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/choice_labels.py" line="20" />
        <source>Doanh nghiệp</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/choice_labels.py" line="20" />
        <source>Cơ sở giáo dục</source>
        <translation>School</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/choice_labels.py" line="21" />
        <source>Hộ gia đình</source>
        <translation>Household</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/choice_labels.py" line="21" />
        <source>Cơ quan, doanh nghiệp, trường học</source>
        <translation>Agency, enterprise, school</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/choice_labels.py" line="21" />
        <source>Cá nhân</source>
        <translation>Individual</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/choice_labels.py" line="22" />
        <source>Khu dân cư</source>
        <translation>Residential area</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/choice_labels.py" line="22" />
        <source>Xã, phường</source>
        <translation>Commune, ward</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/choice_labels.py" line="23" />
        <source>Đã ký</source>
        <translation>Signed</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/choice_labels.py" line="23" />
        <source>Vi phạm</source>
        <translation>Breached</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/choice_labels.py" line="23" />
        <source>Rút cam kết</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/choice_labels.py" line="24" />
        <source>Đang soạn</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/choice_labels.py" line="24" />
        <source>Đã nộp</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/choice_labels.py" line="25" />
        <source>Đang xây dựng</source>
        <translation>Being built</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/choice_labels.py" line="25" />
        <source>Đang hoạt động</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/choice_labels.py" line="25" />
        <source>Đã công nhận</source>
        <translation>Recognised</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/choice_labels.py" line="26" />
        <source>Ngừng hoạt động</source>
        <translation>Discontinued</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/choice_labels.py" line="28" />
        <source>Nhân khẩu</source>
        <translation>Members</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/choice_labels.py" line="28" />
        <source>Biên bản họp</source>
        <translation>Meeting minutes</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/choice_labels.py" line="28" />
        <source>Quyết định công nhận</source>
        <translation>Recognition decision</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/choice_labels.py" line="29" />
        <source>Mô hình, điển hình tiên tiến</source>
        <translation>Models and advanced examples</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/choice_labels.py" line="29" />
        <source>Ngày hội toàn dân bảo vệ ANTQ</source>
        <translation>All People Protect National Security festival day</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/choice_labels.py" line="30" />
        <source>Buổi phổ biến, quán triệt</source>
        <translation>Briefing</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/choice_labels.py" line="30" />
        <source>Khen thưởng, biểu dương</source>
        <translation>Commendations and praise</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/choice_labels.py" line="31" />
        <source>Tổ bảo vệ an ninh, trật tự</source>
        <translation>Security and order teams</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/choice_labels.py" line="31" />
        <source>Xếp loại tổ bảo vệ ANTT</source>
        <translation>Security team rating</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/choice_labels.py" line="33" />
        <source>Họp bình xét khu dân cư</source>
        <translation>Residential area review meeting</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/choice_labels.py" line="33" />
        <source>Họp xét công nhận</source>
        <translation>Recognition meeting</translation>
    </message>
</context>
<context>
    <name>CommuneChooser</name>
    <message>
        <location filename="../../src/antq_desktop/ui/setup_wizard.py" line="117" />
        <source>— Tất cả tỉnh, thành phố —</source>
        <translation>— All provinces —</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/setup_wizard.py" line="122" />
        <source>Gõ tên xã, phường (có dấu hoặc không), ví dụ: hoan kiem</source>
        <translation>Type the commune or ward name (with or without diacritics), e.g. hoan kiem</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/setup_wizard.py" line="127" />
        <source>Tỉnh, thành phố:</source>
        <translation>Province:</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/setup_wizard.py" line="128" />
        <source>Tìm xã, phường:</source>
        <translation>Find commune/ward:</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/setup_wizard.py" line="129" />
        <source>Chọn đơn vị:</source>
        <translation>Choose unit:</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/setup_wizard.py" line="141" />
        <source>Hãy chọn tỉnh, thành phố hoặc gõ ít nhất 2 chữ để tìm.</source>
        <translation>Choose a province or type at least 2 letters to search.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/setup_wizard.py" line="152" />
        <source>Tìm thấy %1 đơn vị.</source>
        <translation>%1 units found.</translation>
    </message>
</context>
<context>
    <name>CommuneRecordsDialog</name>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/commune_records_dialog.py" line="74" />
        <source>Dữ liệu của %1 (chỉ xem)</source>
        <translation>Data of %1 (read only)</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/commune_records_dialog.py" line="81" />
        <source>Đang tải dữ liệu của xã…</source>
        <translation>Loading the commune's data…</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/commune_records_dialog.py" line="83" />
        <source>Dữ liệu do xã lập và gửi lên; cấp trên chỉ xem, không sửa. Hiển thị tối đa %1 dòng đầu mỗi danh sách.</source>
        <translation>Data made and sent by the commune; the upper office only views it, never edits it. At most the first %1 rows of each list are shown.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/commune_records_dialog.py" line="96" />
        <source>Dữ liệu của xã</source>
        <translation>Commune data</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/commune_records_dialog.py" line="120" />
        <source>Không tải được dữ liệu của xã: %1. Hãy đóng cửa sổ này rồi mở lại; nếu vẫn lỗi, hãy báo cán bộ kỹ thuật (Trợ giúp → Giới thiệu → Nhật ký lỗi).</source>
        <translation>Could not load the commune's data: %1. Close this window and open it again; if it still fails, tell the technical staff (Help → About → Error log).</translation>
    </message>
</context>
<context>
    <name>CommunesModel</name>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/communes_page.py" line="72" />
        <source>Chưa gửi dữ liệu</source>
        <translation>No data sent yet</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/communes_page.py" line="73" />
        <source>Chậm gửi</source>
        <translation>Late</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/communes_page.py" line="73" />
        <source>Đúng hạn</source>
        <translation>On time</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/communes_page.py" line="84" />
        <source>Chưa có số liệu</source>
        <translation>No figures yet</translation>
    </message>
</context>
<context>
    <name>CommunesPage</name>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/communes_page.py" line="113" />
        <source>Làm mới</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/communes_page.py" line="115" />
        <source>Xem dữ liệu của xã…</source>
        <translation>View the commune's data…</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/communes_page.py" line="137" />
        <source>Đang tính số liệu các xã…</source>
        <translation>Calculating the communes' figures…</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/communes_page.py" line="145" />
        <source>Không tính được số liệu các xã: %1. Hãy bấm “Làm mới” để thử lại; nếu vẫn lỗi, hãy báo cán bộ kỹ thuật (Trợ giúp → Giới thiệu → Nhật ký lỗi).</source>
        <translation>Could not compute the communes' figures: %1. Press “Refresh” to try again; if it still fails, tell the technical staff (Help → About → Error log).</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/communes_page.py" line="122" />
        <location filename="../../src/antq_desktop/ui/pages/communes_page.py" line="140" />
        <source>Tình hình các xã</source>
        <translation>Communes overview</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/communes_page.py" line="159" />
        <source>%1 xã · %2 chưa gửi dữ liệu · %3 chậm gửi · %4 xã chưa đạt ít nhất một chỉ tiêu</source>
        <translation>%1 communes · %2 sent no data · %3 late · %4 communes miss at least one target</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/communes_page.py" line="117" />
        <source>Số định danh trùng giữa các xã…</source>
        <translation>Citizen IDs in several communes…</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/communes_page.py" line="119" />
        <source>Danh sách rà soát: số định danh có ở hộ của hơn một xã</source>
        <translation>Review list: citizen IDs held by households of more than one commune</translation>
    </message>
</context>
<context>
    <name>ConflictsBox</name>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/merge_review.py" line="102" />
        <source>Giữ bản đang lưu</source>
        <translation>Keep the stored version</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/merge_review.py" line="104" />
        <location filename="../../src/antq_desktop/ui/pages/merge_review.py" line="149" />
        <source>Dùng bản nhận được</source>
        <translation>Use the received version</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/merge_review.py" line="118" />
        <source>Xung đột dữ liệu chưa giải quyết (%1)</source>
        <translation>Unresolved data conflicts (%1)</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/merge_review.py" line="139" />
        <source>Bản ghi đã được xã cập nhật sau xung đột này: chỉ còn giữ bản đang lưu.</source>
        <translation>The commune has updated the record since this conflict: only the stored version can be kept.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/merge_review.py" line="141" />
        <source>Cùng một bản ghi, cùng phiên bản nhưng nội dung khác (thường do xã khôi phục bản sao lưu cũ rồi sửa). Hỏi lại xã bản nào đúng rồi chọn.</source>
        <translation>The same record with the same version but different content (usually because the commune restored an old backup and then edited it). Ask the commune which one is right, then choose.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/merge_review.py" line="150" />
        <source>Nội dung đang lưu của bản ghi này sẽ được thay bằng bản nhận được từ xã. Tiếp tục?</source>
        <translation>The stored content of this record will be replaced with the version received from the commune. Continue?</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/dashboard_page.py" line="156" />
        <source>Làm mới</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/dashboard_page.py" line="157" />
        <source>Đọc lại số liệu mới nhất từ cơ sở dữ liệu</source>
        <translation>Read the latest figures from the database again</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/dashboard_page.py" line="184" />
        <source>Nhập từ Excel…</source>
        <translation>Import from Excel…</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/dashboard_page.py" line="185" />
        <source>Nhập danh sách hộ gia đình, khu dân cư hoặc cơ quan từ tệp .xlsx</source>
        <translation>Import households, residential areas or organisations from an .xlsx file</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/dashboard_page.py" line="214" />
        <source>Chỉ tiêu năm</source>
        <translation>This year's targets</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/dashboard_page.py" line="216" />
        <source>Số liệu hiện có</source>
        <translation>Records</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/dashboard_page.py" line="219" />
        <location filename="../../src/antq_desktop/ui/pages/dashboard_page.py" line="228" />
        <source>Việc cần làm</source>
        <translation>To do</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/dashboard_page.py" line="219" />
        <source>Chi tiết</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/dashboard_page.py" line="232" />
        <location filename="../../src/antq_desktop/ui/pages/dashboard_page.py" line="318" />
        <source>Khu dân cư</source>
        <translation>Residential areas</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/dashboard_page.py" line="232" />
        <source>Số hộ</source>
        <translation>Households</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/dashboard_page.py" line="232" />
        <source>Đã ký cam kết</source>
        <translation>Pledged</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/dashboard_page.py" line="232" />
        <source>Chưa ký</source>
        <translation>Not pledged</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/dashboard_page.py" line="232" />
        <source>Tỷ lệ</source>
        <translation>Share</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/dashboard_page.py" line="238" />
        <source>Hộ gia đình ký cam kết theo khu dân cư</source>
        <translation>Household pledges by residential area</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/dashboard_page.py" line="240" />
        <source>Kết quả tự đánh giá (bản đã nộp)</source>
        <translation>Self-assessment results (submitted)</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/dashboard_page.py" line="249" />
        <source>&lt;h2&gt;Tổng quan năm %1&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Overview %1&lt;/h2&gt;</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/dashboard_page.py" line="254" />
        <source>Đang tính số liệu…</source>
        <translation>Calculating…</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/dashboard_page.py" line="256" />
        <source>Tổng quan</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/dashboard_page.py" line="267" />
        <source>Không đọc được số liệu: %1. Bấm “Làm mới” để thử lại.</source>
        <translation>Could not read the figures: %1. Press “Refresh” to try again.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/dashboard_page.py" line="281" />
        <source>Chưa có kế hoạch năm %1 với chỉ tiêu. Hãy vào “Kế hoạch – chỉ tiêu” để nhập kế hoạch của đơn vị, hoặc nhận gói kế hoạch từ cấp trên.</source>
        <translation>There is no %1 plan with targets yet. Go to “Plans – targets” to enter the unit's plan, or receive the plan package from the upper office.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/dashboard_page.py" line="290" />
        <source> (chỉ tiêu riêng của đơn vị, thêm)</source>
        <translation> (the unit's own extra target)</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/dashboard_page.py" line="292" />
        <source> (chỉ tiêu do %1 đặt thêm)</source>
        <translation> (target added by %1)</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/dashboard_page.py" line="298" />
        <location filename="../../src/antq_desktop/ui/pages/dashboard_page.py" line="310" />
        <source>Chưa có số liệu</source>
        <translation>No figures yet</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/dashboard_page.py" line="302" />
        <source>Chưa có số liệu của năm %1</source>
        <translation>No figures for %1 yet</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/dashboard_page.py" line="313" />
        <location filename="../../src/antq_desktop/ui/pages/dashboard_page.py" line="351" />
        <source>Đạt</source>
        <translation>Met</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/dashboard_page.py" line="313" />
        <location filename="../../src/antq_desktop/ui/pages/dashboard_page.py" line="351" />
        <source>Chưa đạt</source>
        <translation>Not met</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/dashboard_page.py" line="318" />
        <source>Cơ quan, DN, trường học</source>
        <translation>Agencies, enterprises, schools</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/dashboard_page.py" line="319" />
        <source>Hộ gia đình</source>
        <translation>Households</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/dashboard_page.py" line="319" />
        <source>Bản cam kết</source>
        <translation>Pledges</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/dashboard_page.py" line="320" />
        <source>Đăng ký</source>
        <translation>Registrations</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/dashboard_page.py" line="320" />
        <source>Tự đánh giá</source>
        <translation>Self-assessments</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/dashboard_page.py" line="353" />
        <source>Kết quả đạt chuẩn</source>
        <translation>Standard met</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/dashboard_page.py" line="354" />
        <source>Xếp loại phong trào</source>
        <translation>Movement classification</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/dashboard_page.py" line="358" />
        <source>Còn %1 bản đang soạn
chưa được tính.</source>
        <translation>%1 drafts
not counted yet.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/dashboard_page.py" line="363" />
        <source>Khu dân cư chưa đăng ký năm nay</source>
        <translation>Residential areas not registered this year</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/dashboard_page.py" line="364" />
        <source>Mở danh sách khu dân cư, chỉ các khu chưa đăng ký</source>
        <translation>Opens the residential areas list, showing only the areas not registered</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/dashboard_page.py" line="365" />
        <source>Mở trang Đăng ký với bản đăng ký mới cho khu dân cư này</source>
        <translation>Opens the Registrations page with a new registration for this area</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/dashboard_page.py" line="366" />
        <source>Mở trang Đăng ký</source>
        <translation>Opens the Registrations page</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/dashboard_page.py" line="370" />
        <source>Hộ chưa ký cam kết</source>
        <translation>Households without a pledge</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/dashboard_page.py" line="371" />
        <source>Mở danh sách hộ gia đình, chỉ các hộ chưa ký cam kết năm nay</source>
        <translation>Opens the households list, showing only the households without a pledge this year</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/dashboard_page.py" line="373" />
        <source>%1 hộ</source>
        <translation>%1 households</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/dashboard_page.py" line="375" />
        <source>Mở danh sách hộ gia đình của khu dân cư này, chỉ các hộ chưa ký cam kết</source>
        <translation>Opens this area's households, showing only those without a pledge</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/dashboard_page.py" line="376" />
        <source>Chưa tự đánh giá hoặc còn bản nháp</source>
        <translation>Not assessed yet or still in draft</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/dashboard_page.py" line="377" />
        <source>Mở trang Tự đánh giá</source>
        <translation>Opens the Self-assessment page</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/dashboard_page.py" line="381" />
        <source>Mở bản tự đánh giá của đơn vị này</source>
        <translation>Opens this unit's self-assessment</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/dashboard_page.py" line="383" />
        <source>Xung đột dữ liệu chưa giải quyết</source>
        <translation>Unresolved data conflicts</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/dashboard_page.py" line="384" />
        <source>Mở trang Nhận gói dữ liệu, phần xung đột dữ liệu</source>
        <translation>Opens the Receive data packages page at the data conflicts section</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/dashboard_page.py" line="403" />
        <location filename="../../src/antq_desktop/ui/pages/dashboard_page.py" line="419" />
        <source>%1 (bấm đúp hoặc Enter)</source>
        <translation>%1 (double-click or Enter)</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/dashboard_page.py" line="407" />
        <source>Xong</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/dashboard_page.py" line="414" />
        <source>Đã xong, không còn việc nào ở mục này.</source>
        <translation>Done: nothing left to do here.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/dashboard_page.py" line="423" />
        <source>Chưa có bản tự đánh giá</source>
        <translation>No self-assessment yet</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/dashboard_page.py" line="423" />
        <source>Bản nháp, chưa nộp</source>
        <translation>Draft, not submitted</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/dashboard_page.py" line="426" />
        <source>quá hạn %1 (%2 ngày)</source>
        <translation>overdue since %1 (%2 days)</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/dashboard_page.py" line="428" />
        <source>hạn %1, còn %2 ngày</source>
        <translation>due %1, %2 days left</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>Chọn ngày trên lịch</source>
        <translation>Pick the date on a calendar</translation>
    </message>
    <message>
        <source>Hãy nhập ngày, ví dụ 15/03/2026.</source>
        <translation>Enter a date, for example 15/03/2026.</translation>
    </message>
    <message>
        <source>Không có ngày %1/%2/%3. Hãy kiểm tra lại ngày và tháng.</source>
        <translation>There is no date %1/%2/%3. Check the day and the month.</translation>
    </message>
    <message>
        <source>Ngày %1 chưa tới: hãy kiểm tra lại ngày đã nhập.</source>
        <translation>%1 is in the future: check the date entered.</translation>
    </message>
    <message>
        <source>Ngày %1 quá xa trong quá khứ: hãy kiểm tra lại năm.</source>
        <translation>%1 is too far in the past: check the year.</translation>
    </message>
    <message>
        <source>Ngày (ngày/tháng/năm)</source>
        <translation>Date (day/month/year)</translation>
    </message>
    <message>
        <source>ngày/tháng/năm</source>
        <translation>day/month/year</translation>
    </message>
    <message>
        <source>“%1” không phải là ngày. Hãy gõ ngày/tháng/năm, ví dụ 15/03/2026.</source>
        <translation>“%1” is not a date. Type day/month/year, for example 15/03/2026.</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <location filename="../../src/antq_desktop/ui/setup_wizard.py" line="334" />
        <source>Đã thiết lập xong</source>
        <translation>Setup complete</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/setup_wizard.py" line="346" />
        <source>Đơn vị: &lt;b&gt;%1&lt;/b&gt; (mã %2).&lt;br&gt;Tên đăng nhập của bạn: &lt;b&gt;%3&lt;/b&gt;.&lt;br&gt;&lt;br&gt;Bấm “Hoàn tất” để bắt đầu làm việc.</source>
        <translation>Unit: &lt;b&gt;%1&lt;/b&gt; (code %2).&lt;br&gt;Your user name: &lt;b&gt;%3&lt;/b&gt;.&lt;br&gt;&lt;br&gt;Press “Finish” to start working.</translation>
    </message>
</context>
<context>
    <name>DuplicateIds</name>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/duplicate_ids_dialog.py" line="12" />
        <source>Số định danh (4 số cuối)</source>
        <translation>Citizen ID (last 4 digits)</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/duplicate_ids_dialog.py" line="12" />
        <source>Số hộ</source>
        <translation>Households</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/duplicate_ids_dialog.py" line="13" />
        <source>Các xã</source>
        <translation>Communes</translation>
    </message>
</context>
<context>
    <name>DuplicateIdsDialog</name>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/duplicate_ids_dialog.py" line="20" />
        <location filename="../../src/antq_desktop/ui/pages/duplicate_ids_dialog.py" line="26" />
        <source>Số định danh có ở nhiều xã</source>
        <translation>Citizen IDs in several communes</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/duplicate_ids_dialog.py" line="22" />
        <source>Đang tìm…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/duplicate_ids_dialog.py" line="52" />
        <source>%1 số định danh có ở hộ của hơn một xã. Đây là danh sách để rà soát, không phải lỗi: gia đình có thể đã chuyển nơi ở, hoặc hai xã cùng nhập một hộ. Hãy báo các xã liên quan kiểm tra.</source>
        <translation>%1 citizen IDs are held by households of more than one commune. This is a list to review, not errors: a family may have moved, or two communes entered the same household. Ask the communes concerned to check.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/duplicate_ids_dialog.py" line="55" />
        <source>Không có số định danh nào xuất hiện ở hơn một xã.</source>
        <translation>No citizen ID appears in more than one commune.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/duplicate_ids_dialog.py" line="58" />
        <source>Không tìm được danh sách: %1. Hãy đóng cửa sổ rồi mở lại.</source>
        <translation>Could not build the list: %1. Close the window and open it again.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Chương trình gặp một lỗi không mong muốn. Công việc đang làm dở có thể chưa được lưu; dữ liệu đã lưu trước đó vẫn an toàn.</source>
        <translation>The program hit an unexpected error. Work in progress may not be saved; data saved before is safe.</translation>
    </message>
    <message>
        <source>Hãy thử lại. Nếu vẫn lỗi, bấm “Sao chép chi tiết” rồi gửi cho cán bộ kỹ thuật (chi tiết cũng đã được ghi vào nhật ký lỗi).</source>
        <translation>Try again. If it still fails, press “Copy details” and send them to technical staff (the details are also in the error log).</translation>
    </message>
    <message>
        <source>Không có thao tác nào để hoàn tác.</source>
        <translation>There is nothing to undo.</translation>
    </message>
    <message>
        <source>Không hoàn tác được</source>
        <translation>Could not undo</translation>
    </message>
    <message>
        <source>Không thực hiện được</source>
        <translation>Could not be done</translation>
    </message>
    <message>
        <source>Sao chép chi tiết</source>
        <translation>Copy details</translation>
    </message>
    <message>
        <source>cơ sở dữ liệu không đọc được (có thể đang bị khóa hoặc hỏng)</source>
        <translation>the database could not be read (it may be locked or damaged)</translation>
    </message>
    <message>
        <source>Đang hoàn tác…</source>
        <translation>Undoing…</translation>
    </message>
    <message>
        <source>Đã hoàn tác: %1</source>
        <translation>Undone: %1</translation>
    </message>
    <message>
        <source>Đã xảy ra lỗi không mong muốn</source>
        <translation>An unexpected error occurred</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Không có thao tác nào để làm lại.</source>
        <translation>There is nothing to redo.</translation>
    </message>
    <message>
        <source>Không làm lại được</source>
        <translation>Could not redo</translation>
    </message>
    <message>
        <source>Đang làm lại…</source>
        <translation>Redoing…</translation>
    </message>
    <message>
        <source>Đã làm lại: %1</source>
        <translation>Redone: %1</translation>
    </message>
</context>
<context>
    <name>ExcelExport</name>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/export.py" line="41" />
        <location filename="../../src/antq_desktop/ui/excel/export.py" line="142" />
        <source>Xuất Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/export.py" line="42" />
        <source>Tệp Excel (*.xlsx)</source>
        <translation>Excel files (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/export.py" line="52" />
        <source>Đã xuất Excel</source>
        <translation>Exported to Excel</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/export.py" line="53" />
        <source>Đã xuất %1 dòng ra tệp:
%2</source>
        <translation>%1 rows exported to:
%2</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/export.py" line="60" />
        <source>Lỗi không mong đợi: %1</source>
        <translation>Unexpected error: %1</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/export.py" line="62" />
        <source>Chưa xuất được Excel</source>
        <translation>Could not export to Excel</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/export.py" line="84" />
        <source>Đang xuất Excel…</source>
        <translation>Exporting to Excel…</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/export.py" line="143" />
        <source>Lưu bảng đang xem thành tệp Excel (.xlsx)</source>
        <translation>Save the table shown as an Excel file (.xlsx)</translation>
    </message>
</context>
<context>
    <name>ExchangePage</name>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/exchange_page.py" line="55" />
        <source>Gửi dữ liệu lên cấp trên</source>
        <translation>Send data to the upper office</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/exchange_page.py" line="76" />
        <location filename="../../src/antq_desktop/ui/pages/exchange_page.py" line="95" />
        <source>Xuất gói dữ liệu</source>
        <translation>Export data package</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/exchange_page.py" line="78" />
        <source>Phần thay đổi từ lần xuất trước (thường dùng)</source>
        <translation>Changes since the last export (usual)</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/exchange_page.py" line="79" />
        <source>Đầy đủ: toàn bộ dữ liệu của đơn vị (lần đầu, hoặc khi cấp trên yêu cầu)</source>
        <translation>Full: all of the unit's data (the first time, or when the upper office asks)</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/exchange_page.py" line="85" />
        <source>Không gửi số định danh cá nhân của chủ hộ</source>
        <translation>Do not send household heads' citizen ID numbers</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/exchange_page.py" line="89" />
        <source>Nơi lưu tệp gói (.antq), ví dụ trên USB</source>
        <translation>Where to save the package file (.antq), e.g. on a USB stick</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/exchange_page.py" line="90" />
        <source>Chọn nơi lưu…</source>
        <translation>Choose where to save…</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/exchange_page.py" line="106" />
        <source>Lịch sử xuất dữ liệu</source>
        <translation>Export history</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/exchange_page.py" line="117" />
        <source>Kiểm tra biên nhận của cấp trên…</source>
        <translation>Check the upper office's receipt…</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/exchange_page.py" line="131" />
        <source>chưa</source>
        <translation>not yet</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/exchange_page.py" line="141" />
        <source>Lưu gói dữ liệu</source>
        <translation>Save data package</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/exchange_page.py" line="142" />
        <source>Gói dữ liệu ANTQ (*.antq)</source>
        <translation>ANTQ data packages (*.antq)</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/exchange_page.py" line="177" />
        <source>Đang xuất gói dữ liệu…</source>
        <translation>Exporting the data package…</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/exchange_page.py" line="178" />
        <source>Đang xuất gói dữ liệu</source>
        <translation>Exporting the data package</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/exchange_page.py" line="188" />
        <source>Đã xuất gói số {0} ({1} bản ghi) vào {2}.</source>
        <translation>Package no. {0} ({1} records) exported to {2}.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/exchange_page.py" line="192" />
        <source>Gói này thông báo khóa mới của đơn vị cho cấp trên.</source>
        <translation>This package announces the unit's new key to the upper office.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/exchange_page.py" line="200" />
        <source>Chưa xuất được gói dữ liệu ({0}).</source>
        <translation>The data package was not exported ({0}).</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/exchange_page.py" line="201" />
        <source>Không xuất được gói dữ liệu</source>
        <translation>Could not export the data package</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/exchange_page.py" line="204" />
        <source>Đã hủy xuất dữ liệu. Không có tệp nào được tạo.</source>
        <translation>Export cancelled. No file was created.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/exchange_page.py" line="209" />
        <source>Chọn tệp biên nhận của cấp trên</source>
        <translation>Choose the upper office's receipt file</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/exchange_page.py" line="210" />
        <source>Biên nhận ANTQ (*.antqrcpt)</source>
        <translation>ANTQ receipts (*.antqrcpt)</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/exchange_page.py" line="219" />
        <source>Không đọc được tệp</source>
        <translation>Could not read the file</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/exchange_page.py" line="220" />
        <source>Không đọc được tệp biên nhận. Hãy kiểm tra USB rồi chọn lại.</source>
        <translation>Could not read the receipt file. Check the USB stick and choose it again.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/exchange_page.py" line="223" />
        <source>Biên nhận không được công nhận</source>
        <translation>Receipt not recognised</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/exchange_page.py" line="226" />
        <source>Biên nhận hợp lệ: số liệu cấp trên khớp với dữ liệu hiện tại của đơn vị.</source>
        <translation>Valid receipt: the upper office's figures match the unit's current data.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/exchange_page.py" line="228" />
        <source>Biên nhận hợp lệ: số liệu cấp trên khớp với dữ liệu tại lần xuất số {0}; dữ liệu đã thay đổi sau đó, hãy gửi phần thay đổi ở lần tới.</source>
        <translation>Valid receipt: the upper office's figures match the data of export no. {0}; the data has changed since, send the changes next time.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/exchange_page.py" line="231" />
        <source>Biên nhận của {0}</source>
        <translation>Receipt from {0}</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/exchange_page.py" line="151" />
        <source>Chưa có khóa của cấp trên</source>
        <translation>No key of the upper office yet</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/exchange_page.py" line="152" />
        <source>Chưa xuất được gói dữ liệu: máy này chưa có khóa của cấp trên để mã hóa gói. Hãy bấm “Nhập khóa của cấp trên…” ở khung “Khóa của đơn vị” phía trên, chọn tệp .antqkey do cấp trên gửi (so mã vân tay với bản giấy), rồi bấm “Xuất gói dữ liệu” lại.</source>
        <translation>The data package was not exported: this computer has no key of the upper office to encrypt it. Click “Import the upper office's key…” in the “Unit key” box above, choose the .antqkey file the upper office sent (compare the fingerprint with the paper copy), then click “Export data package” again.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/exchange_page.py" line="42" />
        <source>Số</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/exchange_page.py" line="42" />
        <source>Thời điểm</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/exchange_page.py" line="42" />
        <source>Kiểu</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/exchange_page.py" line="43" />
        <source>Bản ghi</source>
        <translation>Records</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/exchange_page.py" line="43" />
        <source>Biên nhận</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/exchange_page.py" line="43" />
        <source>Tệp</source>
        <translation>File</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/import_wizard.py" line="131" />
        <source>Bước 1: Chọn tệp Excel</source>
        <translation>Step 1: Choose the Excel file</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/import_wizard.py" line="132" />
        <source>Chọn loại dữ liệu, tệp .xlsx và trang tính chứa danh sách. Dòng đầu tiên có từ hai ô trở lên được coi là dòng tiêu đề cột.</source>
        <translation>Choose the kind of data, the .xlsx file and the sheet holding the list. The first row with two or more filled cells is taken as the column headers.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/import_wizard.py" line="140" />
        <source>Chọn tệp…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/import_wizard.py" line="149" />
        <source>Loại dữ liệu</source>
        <translation>Kind of data</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/import_wizard.py" line="150" />
        <source>Tệp Excel</source>
        <translation>Excel file</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/import_wizard.py" line="151" />
        <source>Trang tính</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/import_wizard.py" line="156" />
        <source>Chọn tệp Excel</source>
        <translation>Choose an Excel file</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/import_wizard.py" line="156" />
        <source>Tệp Excel (*.xlsx)</source>
        <translation>Excel files (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/import_wizard.py" line="179" />
        <source>Đang đọc tệp Excel…</source>
        <translation>Reading the Excel file…</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/import_wizard.py" line="181" />
        <source>Đã hủy đọc tệp. Bấm “Tiếp &gt;” để đọc lại.</source>
        <translation>Reading the file was cancelled. Click “Next &gt;” to read it again.</translation>
    </message>
</context>
<context>
    <name>HeldBox</name>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/merge_review.py" line="76" />
        <source>Gói đang chờ gói trước (%1)</source>
        <translation>Packages waiting for an earlier package (%1)</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/merge_review.py" line="85" />
        <source>(không còn tệp)</source>
        <translation>(file no longer exists)</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/merge_review.py" line="84" />
        <source>Trong cơ sở dữ liệu</source>
        <translation>In the database</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <location filename="../../src/antq_desktop/ui/help.py" line="72" />
        <source>Không tìm thấy hướng dẫn</source>
        <translation>User guide not found</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/help.py" line="73" />
        <source>Không tìm thấy tệp hướng dẫn sử dụng trong thư mục cài đặt. Hãy cài lại chương trình hoặc xem bản hướng dẫn in kèm theo.</source>
        <translation>The user guide file is missing from the installation folder. Reinstall the program or use the printed guide.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/help.py" line="84" />
        <source>Hướng dẫn sử dụng</source>
        <translation>User guide</translation>
    </message>
</context>
<context>
    <name>ImportFields</name>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/import_wizard.py" line="54" />
        <source>Ghi chú</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/import_wizard.py" line="55" />
        <source>Họ tên chủ hộ</source>
        <translation>Head of household</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/import_wizard.py" line="56" />
        <source>Khu dân cư</source>
        <translation>Residential area</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/import_wizard.py" line="57" />
        <source>Loại (cơ quan, doanh nghiệp, cơ sở giáo dục)</source>
        <translation>Type (agency, enterprise, school)</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/import_wizard.py" line="58" />
        <source>Loại (thôn, tổ dân phố…)</source>
        <translation>Type (village, residential group…)</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/import_wizard.py" line="59" />
        <source>Số cán bộ, người lao động</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/import_wizard.py" line="60" />
        <source>Số hộ</source>
        <translation>Households</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/import_wizard.py" line="61" />
        <source>Số nhân khẩu</source>
        <translation>Members</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/import_wizard.py" line="62" />
        <source>Số điện thoại</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/import_wizard.py" line="63" />
        <source>Số định danh (CCCD)</source>
        <translation>Citizen ID (CCCD)</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/import_wizard.py" line="64" />
        <source>Thủ trưởng đơn vị</source>
        <translation>Head of unit</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/import_wizard.py" line="65" />
        <source>Trưởng thôn/tổ trưởng</source>
        <translation>Village/group head</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/import_wizard.py" line="66" />
        <source>Tên khu dân cư</source>
        <translation>Residential area name</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/import_wizard.py" line="67" />
        <source>Tên đơn vị</source>
        <translation>Unit name</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/import_wizard.py" line="68" />
        <source>Địa chỉ</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/import_wizard.py" line="70" />
        <source>Tên mô hình</source>
        <translation>Model name</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/import_wizard.py" line="71" />
        <source>Loại mô hình</source>
        <translation>Model type</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/import_wizard.py" line="72" />
        <source>Lĩnh vực</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/import_wizard.py" line="73" />
        <source>Năm bắt đầu</source>
        <translation>Start year</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/import_wizard.py" line="74" />
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/import_wizard.py" line="75" />
        <source>Cơ quan công nhận</source>
        <translation>Recognising authority</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/import_wizard.py" line="76" />
        <source>Ngày công nhận</source>
        <translation>Recognised on</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/import_wizard.py" line="77" />
        <source>Ngày tổ chức</source>
        <translation>Held on</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/import_wizard.py" line="78" />
        <source>Địa điểm</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/import_wizard.py" line="79" />
        <source>Số người tham gia</source>
        <translation>Number of participants</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/import_wizard.py" line="80" />
        <source>Nội dung</source>
        <translation>Content</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/import_wizard.py" line="81" />
        <source>Kết quả</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/import_wizard.py" line="82" />
        <source>Đối tượng</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/import_wizard.py" line="83" />
        <source>Số người được mời</source>
        <translation>Number invited</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/import_wizard.py" line="84" />
        <source>Số người dự</source>
        <translation>Number attending</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/import_wizard.py" line="85" />
        <source>Nội dung phổ biến</source>
        <translation>Briefing content</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/import_wizard.py" line="86" />
        <source>Tập thể/cá nhân</source>
        <translation>Group/individual</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/import_wizard.py" line="87" />
        <source>Tên tập thể, cá nhân</source>
        <translation>Name of group or individual</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/import_wizard.py" line="88" />
        <source>Hình thức khen thưởng</source>
        <translation>Type of commendation</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/import_wizard.py" line="89" />
        <source>Cấp khen thưởng</source>
        <translation>Awarding level</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/import_wizard.py" line="90" />
        <source>Ngày khen thưởng</source>
        <translation>Commendation date</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/import_wizard.py" line="91" />
        <source>Thành tích</source>
        <translation>Achievements</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/import_wizard.py" line="92" />
        <source>Tên tổ</source>
        <translation>Team name</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/import_wizard.py" line="93" />
        <source>Số thành viên</source>
        <translation>Number of members</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/import_wizard.py" line="94" />
        <source>Cơ quan, doanh nghiệp, trường học</source>
        <translation>Agency, enterprise, school</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/import_wizard.py" line="95" />
        <source>Năm</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/import_wizard.py" line="96" />
        <source>Kết quả xếp loại</source>
        <translation>Classification result</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/import_page.py" line="62" />
        <source>Nhận gói dữ liệu của các xã</source>
        <translation>Receive the communes' data packages</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/import_page.py" line="65" />
        <source>Chọn hoặc kéo thả các tệp .antq từ USB. Bấm “Kiểm tra” để xem trước (chưa ghi gì), rồi “Nhập dữ liệu”. Mỗi gói được nhập trọn vẹn hoặc không nhập; gói bị từ chối không làm thay đổi dữ liệu.</source>
        <translation>Choose or drag in the .antq files from the USB stick. Press “Check” to preview (nothing is written yet), then “Import data”. Each package is imported whole or not at all; a refused package changes nothing.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/import_page.py" line="86" />
        <source>Gói đã chọn</source>
        <translation>Selected packages</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/import_page.py" line="89" />
        <source>Chọn tệp gói…</source>
        <translation>Choose package files…</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/import_page.py" line="91" />
        <source>Kiểm tra (xem trước)</source>
        <translation>Check (preview)</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/import_page.py" line="93" />
        <source>Nhập dữ liệu</source>
        <translation>Import data</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/import_page.py" line="96" />
        <source>Bỏ chọn tất cả</source>
        <translation>Clear the selection</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/import_page.py" line="110" />
        <source>Gói đã nhận theo xã</source>
        <translation>Packages received per commune</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/import_page.py" line="131" />
        <source>Chọn gói dữ liệu</source>
        <translation>Choose data packages</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/import_page.py" line="132" />
        <source>Gói dữ liệu ANTQ (*.antq);;Mọi tệp (*)</source>
        <translation>ANTQ data packages (*.antq);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/import_page.py" line="184" />
        <source>Chưa kiểm tra</source>
        <translation>Not checked yet</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/import_page.py" line="186" />
        <source> (gói chờ, nay đã đủ)</source>
        <translation> (held package, now complete)</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/import_page.py" line="215" />
        <source>Mở khóa nhận của đơn vị</source>
        <translation>Unlock the unit's receiving key</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/import_page.py" line="214" />
        <source>Mật khẩu của bạn (mở khóa nhận của đơn vị bằng tài khoản đang đăng nhập):</source>
        <translation>Your password (the signed-in account opens the unit's receiving key):</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/import_page.py" line="219" />
        <source>Chưa chọn gói</source>
        <translation>No package chosen</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/import_page.py" line="220" />
        <source>Hãy chọn hoặc kéo thả các tệp gói .antq vào trang này trước.</source>
        <translation>First choose or drag .antq package files onto this page.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/import_page.py" line="234" />
        <source>Đang kiểm tra gói dữ liệu…</source>
        <translation>Checking the data packages…</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/import_page.py" line="234" />
        <source>Đang nhập gói dữ liệu…</source>
        <translation>Importing the data packages…</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/import_page.py" line="277" />
        <source>Đã hủy. Các gói đã nhập xong trước khi hủy vẫn được giữ; gói đang nhập dở không ghi gì. Có thể chọn lại và nhập tiếp bất cứ lúc nào.</source>
        <translation>Cancelled. Packages fully imported before cancelling are kept; the one in progress wrote nothing. You can choose them again and continue at any time.</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/import_wizard.py" line="115" />
        <source>Hộ gia đình</source>
        <translation>Households</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/import_wizard.py" line="116" />
        <source>Khu dân cư</source>
        <translation>Residential areas</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/import_wizard.py" line="117" />
        <source>Cơ quan, doanh nghiệp, trường học</source>
        <translation>Agencies, enterprises, schools</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/import_wizard.py" line="118" />
        <source>Nhân khẩu (thành viên hộ gia đình)</source>
        <translation>Residents (household members)</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/import_wizard.py" line="119" />
        <source>Mô hình, điển hình tiên tiến</source>
        <translation>Models and advanced examples</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/import_wizard.py" line="120" />
        <source>Ngày hội toàn dân bảo vệ ANTQ</source>
        <translation>All People Protect National Security festival day</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/import_wizard.py" line="121" />
        <source>Buổi phổ biến, quán triệt</source>
        <translation>Briefing</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/import_wizard.py" line="122" />
        <source>Khen thưởng, biểu dương</source>
        <translation>Commendations and praise</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/import_wizard.py" line="123" />
        <source>Tổ bảo vệ an ninh, trật tự</source>
        <translation>Security and order teams</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/import_wizard.py" line="324" />
        <source>Nhập dữ liệu từ Excel</source>
        <translation>Import data from Excel</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/import_wizard.py" line="326" />
        <source>Tiếp &gt;</source>
        <translation>Next &gt;</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/import_wizard.py" line="327" />
        <source>&lt; Quay lại</source>
        <translation>&lt; Back</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/import_wizard.py" line="328" />
        <source>Nhập</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/import_wizard.py" line="329" />
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/import_wizard.py" line="387" />
        <source>Không có dòng hợp lệ</source>
        <translation>No valid rows</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/import_wizard.py" line="388" />
        <source>Không có dòng nào hợp lệ để nhập. Hãy sửa tệp theo cột “Lỗi” rồi nhập lại.</source>
        <translation>There is no valid row to import. Fix the file as the “Errors” column says, then import again.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/import_wizard.py" line="391" />
        <source>Nhập dữ liệu</source>
        <translation>Import data</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/import_wizard.py" line="391" />
        <source>Nhập %1 dòng hợp lệ vào cơ sở dữ liệu?</source>
        <translation>Import %1 valid rows into the database?</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/import_wizard.py" line="396" />
        <source>Đang nhập dữ liệu…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/import_wizard.py" line="401" />
        <source>Đã hủy nhập</source>
        <translation>Import cancelled</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/import_wizard.py" line="402" />
        <source>Đã hủy; không có dòng nào được lưu. Bấm “Nhập” để nhập lại.</source>
        <translation>Cancelled; no rows were saved. Click “Import” to import again.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/import_wizard.py" line="415" />
        <source>Chưa nhập được</source>
        <translation>Not imported</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/import_wizard.py" line="416" />
        <source>Không có dòng nào được lưu: %1</source>
        <translation>No row was saved: %1</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/import_wizard.py" line="426" />
        <source>Đã nhập %1 dòng từ Excel (%2).</source>
        <translation>%1 rows imported from Excel (%2).</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/import_wizard.py" line="124" />
        <source>Xếp loại tổ bảo vệ an ninh, trật tự</source>
        <translation>Security and order team ratings</translation>
    </message>
</context>
<context>
    <name>Indicators</name>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/dashboard_page.py" line="38" />
        <source>Khu dân cư đăng ký phấn đấu đạt chuẩn</source>
        <translation>Residential areas registered for the standard</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/dashboard_page.py" line="39" />
        <source>Cơ quan, cơ sở giáo dục đăng ký phấn đấu đạt chuẩn</source>
        <translation>Agencies and schools registered for the standard</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/dashboard_page.py" line="40" />
        <source>Doanh nghiệp đăng ký phấn đấu đạt chuẩn</source>
        <translation>Enterprises registered for the standard</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/dashboard_page.py" line="41" />
        <source>Khu dân cư, xã, cơ quan, doanh nghiệp, trường học đăng ký</source>
        <translation>Areas, commune, agencies, enterprises and schools registered</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/dashboard_page.py" line="42" />
        <source>Khu dân cư đạt chuẩn “An toàn về ANTT”</source>
        <translation>Residential areas meeting the “Safe for security and order” standard</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/dashboard_page.py" line="43" />
        <source>Đơn vị đạt chuẩn “An toàn về ANTT”</source>
        <translation>Units meeting the “Safe for security and order” standard</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/dashboard_page.py" line="44" />
        <source>Doanh nghiệp đã đăng ký được công nhận đạt chuẩn</source>
        <translation>Registered enterprises recognised as meeting the standard</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/dashboard_page.py" line="45" />
        <source>Phong trào xếp loại Khá trở lên</source>
        <translation>Movement classified Good or better</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/dashboard_page.py" line="46" />
        <source>Hộ gia đình ký cam kết</source>
        <translation>Households that signed a pledge</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/dashboard_page.py" line="47" />
        <source>Ban hành kế hoạch năm</source>
        <translation>Annual plan issued</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/dashboard_page.py" line="48" />
        <source>Xã có mô hình, điển hình tiên tiến</source>
        <translation>Communes with a movement model</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/dashboard_page.py" line="49" />
        <source>Xã tổ chức Ngày hội toàn dân bảo vệ ANTQ</source>
        <translation>Communes holding the 19 August festival day</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/dashboard_page.py" line="50" />
        <source>Cơ quan, doanh nghiệp, trường học tổ chức Ngày hội</source>
        <translation>Agencies, enterprises and schools holding the festival day</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/dashboard_page.py" line="51" />
        <source>Cán bộ, đảng viên, hội viên, học sinh, sinh viên được phổ biến, quán triệt</source>
        <translation>Officials, party members, association members, pupils and students briefed</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/dashboard_page.py" line="52" />
        <source>Tổ bảo vệ ANTT ở cơ sở xếp loại hoàn thành nhiệm vụ trở lên</source>
        <translation>Grassroots security teams rated 'completed tasks' or better</translation>
    </message>
</context>
<context>
    <name>KeysBox</name>
    <message>
        <location filename="../../src/antq_desktop/ui/widgets/keys_box.py" line="73" />
        <source>Khóa của đơn vị</source>
        <translation>Unit key</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/widgets/keys_box.py" line="80" />
        <source>Mã vân tay của đơn vị:</source>
        <translation>Unit fingerprint:</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/widgets/keys_box.py" line="81" />
        <source>Khóa của cấp trên:</source>
        <translation>Upper office key:</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/widgets/keys_box.py" line="83" />
        <source>Xuất tệp khóa công khai…</source>
        <translation>Export the public key file…</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/widgets/keys_box.py" line="84" />
        <source>Nhập khóa của cấp trên…</source>
        <translation>Import the upper office's key…</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/widgets/keys_box.py" line="98" />
        <source>chưa có khóa (quản trị viên hãy tạo khóa)</source>
        <translation>no key yet (an administrator must create it)</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/widgets/keys_box.py" line="100" />
        <source>CHƯA CÓ — hãy nhập tệp .antqkey do cấp trên gửi để có thể xuất dữ liệu đã mã hóa.</source>
        <translation>NONE — import the .antqkey file sent by the upper office to export encrypted data.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/widgets/keys_box.py" line="111" />
        <source>Không ghi được tệp</source>
        <translation>Could not write the file</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/widgets/keys_box.py" line="112" />
        <source>Không ghi được tệp khóa. Hãy kiểm tra USB hoặc thư mục rồi thử lại.</source>
        <translation>Could not write the key file. Check the USB stick or folder and try again.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/widgets/keys_box.py" line="124" />
        <source>Lưu tệp khóa công khai</source>
        <translation>Save the public key file</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/widgets/keys_box.py" line="126" />
        <location filename="../../src/antq_desktop/ui/widgets/keys_box.py" line="135" />
        <source>Tệp khóa ANTQ (*.antqkey)</source>
        <translation>ANTQ key files (*.antqkey)</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/widgets/keys_box.py" line="129" />
        <source>Đã xuất khóa</source>
        <translation>Key exported</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/widgets/keys_box.py" line="130" />
        <source>Đã lưu tệp khóa công khai. Hãy in mã vân tay {0}, ký xác nhận và gửi kèm tệp cho cấp trên để đối chiếu.</source>
        <translation>The public key file is saved. Print the fingerprint {0}, sign it and send it with the file to the upper office for checking.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/widgets/keys_box.py" line="134" />
        <source>Chọn tệp khóa của cấp trên</source>
        <translation>Choose the upper office's key file</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/widgets/keys_box.py" line="137" />
        <source>Đã nhập khóa cấp trên</source>
        <translation>Upper office key imported</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/widgets/keys_box.py" line="138" />
        <source>Mã vân tay của khóa cấp trên: {0}. Hãy đối chiếu với bản giấy do cấp trên gửi; nếu khác, không xuất dữ liệu và báo ngay.</source>
        <translation>Fingerprint of the upper office key: {0}. Compare it with the paper copy sent by the upper office; if it differs, do not export data and report it at once.</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <location filename="../../src/antq_desktop/ui/idle_lock.py" line="64" />
        <source>Màn hình đã khóa</source>
        <translation>Screen locked</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/idle_lock.py" line="68" />
        <source>Chương trình đã tự khóa sau %1 phút không dùng. Dữ liệu đang nhập vẫn được giữ nguyên. Hãy nhập mật khẩu của %2 (%3) để tiếp tục.</source>
        <translation>The program locked itself after %1 minutes without use. Data being entered is kept. Enter the password of %2 (%3) to continue.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/idle_lock.py" line="81" />
        <source>Mở khóa</source>
        <translation>Unlock</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../src/antq_desktop/ui/login_dialog.py" line="46" />
        <source>Đăng nhập — ANTQ Desktop</source>
        <translation>Sign in — ANTQ Desktop</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/login_dialog.py" line="58" />
        <source>Tên đăng nhập:</source>
        <translation>User name:</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/login_dialog.py" line="59" />
        <source>Mật khẩu:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/login_dialog.py" line="61" />
        <source>Đang mở dữ liệu…</source>
        <translation>Opening the data…</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/login_dialog.py" line="68" />
        <source>Đăng nhập</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/login_dialog.py" line="71" />
        <source>Thoát</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/login_dialog.py" line="141" />
        <source>Hãy nhập tên đăng nhập và mật khẩu.</source>
        <translation>Please enter your user name and password.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/antq_desktop/ui/main_window.py" line="66" />
        <source>Tổng quan</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/main_window.py" line="67" />
        <source>Tình hình các xã</source>
        <translation>Communes overview</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/main_window.py" line="69" />
        <source>Khu dân cư</source>
        <translation>Residential areas</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/main_window.py" line="70" />
        <source>Cơ quan – doanh nghiệp – trường học</source>
        <translation>Agencies – enterprises – schools</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/main_window.py" line="72" />
        <source>Hộ gia đình</source>
        <translation>Households</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/main_window.py" line="74" />
        <source>Cam kết</source>
        <translation>Pledges</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/main_window.py" line="75" />
        <source>Đăng ký</source>
        <translation>Registrations</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/main_window.py" line="77" />
        <source>Tự đánh giá</source>
        <translation>Self-assessments</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/main_window.py" line="79" />
        <source>Biên bản họp</source>
        <translation>Meeting minutes</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/main_window.py" line="80" />
        <source>Phong trào</source>
        <translation>Movement</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/main_window.py" line="82" />
        <source>Kế hoạch – chỉ tiêu</source>
        <translation>Plans – targets</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/main_window.py" line="83" />
        <source>In biểu mẫu</source>
        <translation>Print forms</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/main_window.py" line="84" />
        <source>Gửi – nhận dữ liệu</source>
        <translation>Send – receive data</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/main_window.py" line="86" />
        <source>Nhận gói dữ liệu</source>
        <translation>Receive data packages</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/main_window.py" line="88" />
        <source>Khóa tin cậy các xã</source>
        <translation>Trusted commune keys</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/main_window.py" line="90" />
        <source>Nhật ký thao tác</source>
        <translation>Activity log</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/main_window.py" line="91" />
        <source>Sao lưu – khôi phục</source>
        <translation>Backup – restore</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/main_window.py" line="92" />
        <source>Tài khoản</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/main_window.py" line="93" />
        <source>Cài đặt</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/main_window.py" line="139" />
        <source>ANTQ Desktop — Phong trào Toàn dân bảo vệ an ninh Tổ quốc</source>
        <translation>ANTQ Desktop — All People Protect National Security movement</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/main_window.py" line="205" />
        <source>Đơn vị: %1 (mã %2)</source>
        <translation>Unit: %1 (code %2)</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/main_window.py" line="207" />
        <source>Cán bộ: %1</source>
        <translation>Officer: %1</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/main_window.py" line="243" />
        <source>Lần gửi dữ liệu gần nhất: chưa có</source>
        <translation>Last data sent: never</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/main_window.py" line="223" />
        <source>Năm đang làm việc: các danh sách cam kết, đăng ký, tự đánh giá theo năm này</source>
        <translation>Working year: pledge, registration and self-assessment lists follow this year</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/main_window.py" line="226" />
        <source>Năm %1</source>
        <translation>Year %1</translation>
    </message>
    <message>
        <source>Trợ giúp</source>
        <translation>Help</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/main_window.py" line="245" />
        <source>Lần gửi dữ liệu gần nhất: %1 (gói số %2)</source>
        <translation>Last data sent: %1 (package %2)</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/import_wizard.py" line="193" />
        <source>Bước 2: Ghép cột</source>
        <translation>Step 2: Match columns</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/import_wizard.py" line="194" />
        <source>Chương trình đã đoán cột theo tiêu đề. Hãy kiểm tra, sửa nếu sai. Mục có dấu * là bắt buộc.</source>
        <translation>The columns were guessed from the headers. Check them and correct any mistakes. Items marked * are required.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/import_wizard.py" line="198" />
        <source>Thông tin cần nhập</source>
        <translation>Information</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/import_wizard.py" line="198" />
        <source>Lấy từ cột trong tệp</source>
        <translation>Taken from file column</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/import_wizard.py" line="219" />
        <source>— Không nhập —</source>
        <translation>— Do not import —</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/import_wizard.py" line="222" />
        <source>(cột %1 không có tiêu đề)</source>
        <translation>(column %1 has no header)</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/import_wizard.py" line="237" />
        <source>Chưa chọn cột cho: %1.</source>
        <translation>No column chosen for: %1.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/import_wizard.py" line="245" />
        <source>Đang kiểm tra các dòng…</source>
        <translation>Checking the rows…</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/import_wizard.py" line="247" />
        <source>Đã hủy kiểm tra. Bấm “Tiếp &gt;” để kiểm tra lại.</source>
        <translation>Checking was cancelled. Click “Next &gt;” to check again.</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;Giới thiệu ANTQ Desktop…</source>
        <translation>&amp;About ANTQ Desktop…</translation>
    </message>
    <message>
        <source>&amp;Hoàn tác</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <source>&amp;Hoàn tác: %1</source>
        <translation>&amp;Undo: %1</translation>
    </message>
    <message>
        <source>&amp;In…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <source>&amp;Làm lại</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <source>&amp;Làm lại: %1</source>
        <translation>&amp;Redo: %1</translation>
    </message>
    <message>
        <source>&amp;Mở gói dữ liệu…</source>
        <translation>&amp;Open package…</translation>
    </message>
    <message>
        <source>&amp;Sửa</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;Tìm</source>
        <translation>&amp;Find</translation>
    </message>
    <message>
        <source>&amp;Tệp</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Xuất…</source>
        <translation>&amp;Export…</translation>
    </message>
    <message>
        <source>Nhận gói kế hoạch</source>
        <translation>Receive plan package</translation>
    </message>
    <message>
        <source>Nhận gói kế hoạch của cấp trên trong tệp “%1”?</source>
        <translation>Receive the upper office's plan package in “%1”?</translation>
    </message>
    <message>
        <source>T&amp;hoát</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>Trợ &amp;giúp</source>
        <translation>&amp;Help</translation>
    </message>
</context>
<context>
    <name>OfficerPage</name>
    <message>
        <location filename="../../src/antq_desktop/ui/setup_wizard.py" line="263" />
        <source>Tài khoản quản trị</source>
        <translation>Administrator account</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/setup_wizard.py" line="264" />
        <source>Cán bộ dùng tài khoản này để đăng nhập. Mật khẩu nên là một câu ngắn dễ nhớ, ít nhất 8 ký tự; hãy ghi nhớ, chương trình không khôi phục được mật khẩu.</source>
        <translation>The officer signs in with this account. The password should be a short, memorable sentence of at least 8 characters; remember it, the program cannot recover passwords.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/setup_wizard.py" line="267" />
        <source>Tạo đơn vị</source>
        <translation>Create unit</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/setup_wizard.py" line="284" />
        <source>Họ và tên cán bộ:</source>
        <translation>Officer's full name:</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/setup_wizard.py" line="286" />
        <source>Tên đăng nhập:</source>
        <translation>User name:</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/setup_wizard.py" line="288" />
        <source>Mật khẩu:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/setup_wizard.py" line="291" />
        <source>Nhập lại mật khẩu:</source>
        <translation>Repeat password:</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/setup_wizard.py" line="303" />
        <source>Mật khẩu dùng được.</source>
        <translation>The password can be used.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/setup_wizard.py" line="316" />
        <source>Hai lần nhập mật khẩu không giống nhau.</source>
        <translation>The two passwords are not the same.</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/users_page.py" line="78" />
        <source>Mật khẩu hiện tại</source>
        <translation>Current password</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/users_page.py" line="80" />
        <source>Mật khẩu mới</source>
        <translation>New password</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/users_page.py" line="81" />
        <source>Nhập lại mật khẩu mới</source>
        <translation>Repeat the new password</translation>
    </message>
</context>
<context>
    <name>PasswordPrompt</name>
    <message>
        <location filename="../../src/antq_desktop/ui/password_prompt.py" line="16" />
        <source>Nhập mật khẩu của bạn (tài khoản đang đăng nhập mở khóa của đơn vị):</source>
        <translation>Enter your password (the signed-in account opens the unit's keys):</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/password_prompt.py" line="24" />
        <source>Mật khẩu mở khóa</source>
        <translation>Key password</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <location filename="../../src/antq_desktop/ui/pdf_preview.py" line="81" />
        <source>Chưa có bản in. Hãy chọn biểu mẫu rồi bấm “Tạo bản in”.</source>
        <translation>Nothing to print yet. Choose a form, then press “Create printout”.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pdf_preview.py" line="83" />
        <source>In…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pdf_preview.py" line="84" />
        <source>Mở hộp thoại máy in của hệ thống (Ctrl+P)</source>
        <translation>Open the system print dialog (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pdf_preview.py" line="86" />
        <source>Lưu PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pdf_preview.py" line="108" />
        <source>Không mở được bản in để xem trước. Hãy tạo lại bản in.</source>
        <translation>Could not open the printout for preview. Create it again.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pdf_preview.py" line="113" />
        <source>%1 trang</source>
        <translation>%1 pages</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pdf_preview.py" line="124" />
        <source>In biểu mẫu</source>
        <translation>Print forms</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pdf_preview.py" line="129" />
        <source>Không in được</source>
        <translation>Could not print</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pdf_preview.py" line="130" />
        <source>Máy in không nhận lệnh in. Hãy kiểm tra máy in đã bật và được chọn đúng, hoặc lưu PDF rồi in từ máy khác.</source>
        <translation>The printer did not accept the job. Check that the printer is on and selected, or save a PDF and print it from another computer.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pdf_preview.py" line="138" />
        <source>Lưu PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pdf_preview.py" line="139" />
        <source>Tệp PDF (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pdf_preview.py" line="146" />
        <source>Không lưu được</source>
        <translation>Could not save</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pdf_preview.py" line="147" />
        <source>Không ghi được tệp %1: %2. Hãy chọn thư mục khác.</source>
        <translation>Could not write the file %1: %2. Choose another folder.</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <location filename="../../src/antq_desktop/ui/main_window.py" line="113" />
        <source>Chức năng này đang được hoàn thiện và sẽ có trong bản cập nhật tới.</source>
        <translation>This feature is being finished and will come in the next update.</translation>
    </message>
</context>
<context>
    <name>PlanReceiveBox</name>
    <message>
        <location filename="../../src/antq_desktop/ui/widgets/plan_send_box.py" line="89" />
        <source>Nhận kế hoạch của cấp trên</source>
        <translation>Receive the upper office's plan</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/widgets/plan_send_box.py" line="93" />
        <source>Chọn tệp gói kế hoạch (.antq) do cấp trên gửi; chữ ký được kiểm tra trước khi nhận. Dữ liệu của xã không bị thay đổi.</source>
        <translation>Choose the plan package (.antq) sent by the upper office; its signature is checked before anything is received. The commune's own data is not changed.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/widgets/plan_send_box.py" line="97" />
        <source>Nhận kế hoạch…</source>
        <translation>Receive plan…</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/widgets/plan_send_box.py" line="104" />
        <source>Chọn gói kế hoạch của cấp trên</source>
        <translation>Choose the upper office's plan package</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/widgets/plan_send_box.py" line="105" />
        <source>Gói dữ liệu ANTQ (*.antq)</source>
        <translation>ANTQ data packages (*.antq)</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/widgets/plan_send_box.py" line="116" />
        <source>Không nhận gói kế hoạch</source>
        <translation>Plan package not received</translation>
    </message>
</context>
<context>
    <name>PlanSendBox</name>
    <message>
        <location filename="../../src/antq_desktop/ui/widgets/plan_send_box.py" line="27" />
        <source>Gửi kế hoạch xuống xã</source>
        <translation>Send the plan to the communes</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/widgets/plan_send_box.py" line="31" />
        <source>Tạo một gói kế hoạch có ký số (kế hoạch, chỉ tiêu, bộ tiêu chí, mẫu cam kết) để chép cho mọi xã; xã nhận ở mục “Nhận kế hoạch của cấp trên” của trang Gửi – nhận dữ liệu.</source>
        <translation>Create a signed plan package (plan, targets, criteria catalog, pledge templates) to copy to every commune; communes receive it under “Receive the upper office's plan” on the Send – receive data page.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/widgets/plan_send_box.py" line="39" />
        <source>Năm kế hoạch:</source>
        <translation>Plan year:</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/widgets/plan_send_box.py" line="41" />
        <source>Gửi kế hoạch xuống xã…</source>
        <translation>Send the plan to the communes…</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/widgets/plan_send_box.py" line="54" />
        <source>Lưu gói kế hoạch</source>
        <translation>Save the plan package</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/widgets/plan_send_box.py" line="55" />
        <source>Gói dữ liệu ANTQ (*.antq)</source>
        <translation>ANTQ data packages (*.antq)</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/widgets/plan_send_box.py" line="67" />
        <source>Đang tạo gói kế hoạch…</source>
        <translation>Creating the plan package…</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/widgets/plan_send_box.py" line="68" />
        <source>Đang tạo gói kế hoạch</source>
        <translation>Creating the plan package</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/widgets/plan_send_box.py" line="76" />
        <source>Đã tạo gói kế hoạch năm {0} (gói số {1}) tại {2}. Hãy chép tệp này cho các xã.</source>
        <translation>Created the {0} plan package (number {1}) at {2}. Copy this file to the communes.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/widgets/plan_send_box.py" line="81" />
        <source>Chưa tạo được gói kế hoạch.</source>
        <translation>The plan package could not be created.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/widgets/plan_send_box.py" line="82" />
        <source>Không tạo được gói kế hoạch</source>
        <translation>Could not create the plan package</translation>
    </message>
</context>
<context>
    <name>PledgeScan</name>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/pledge_scan.py" line="45" />
        <source>Đã ghi</source>
        <translation>Recorded</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/pledge_scan.py" line="46" />
        <source>Đã ký trước đó</source>
        <translation>Already signed</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/pledge_scan.py" line="47" />
        <source>Phiếu năm khác</source>
        <translation>Sheet of another year</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/pledge_scan.py" line="48" />
        <source>Phiếu của đơn vị khác</source>
        <translation>Sheet of another unit</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/pledge_scan.py" line="49" />
        <source>Không có hộ này</source>
        <translation>Unknown household</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/pledge_scan.py" line="50" />
        <source>Không đọc được mã</source>
        <translation>Code not readable</translation>
    </message>
    <message>
        <source>Các phiếu đã quét</source>
        <translation>Sheets scanned</translation>
    </message>
    <message>
        <source>Ghi cam kết (quét phiếu) của hộ %1</source>
        <translation>Record the pledge (scanned sheet) of household %1</translation>
    </message>
    <message>
        <source>Mã phiếu:</source>
        <translation>Sheet code:</translation>
    </message>
    <message>
        <source>Mã trên phiếu</source>
        <translation>Code on the sheet</translation>
    </message>
    <message>
        <source>Ngày ký (cả đợt):</source>
        <translation>Signing date (whole batch):</translation>
    </message>
    <message>
        <source>Ngày ký chưa đúng: hãy sửa ngày rồi quét lại phiếu này.</source>
        <translation>The signing date is not valid: correct it, then scan this sheet again.</translation>
    </message>
    <message>
        <source>Ngày ký của đợt quét</source>
        <translation>Signing date of this batch</translation>
    </message>
    <message>
        <source>Quét mã trên phiếu (hoặc gõ mã rồi Enter)</source>
        <translation>Scan the sheet's code (or type it, then Enter)</translation>
    </message>
    <message>
        <source>Quét phiếu đã ký — cam kết năm %1</source>
        <translation>Scan signed sheets — pledges of %1</translation>
    </message>
    <message>
        <source>Sẵn sàng quét.</source>
        <translation>Ready to scan.</translation>
    </message>
    <message>
        <source>Đã ghi: %1 · Đã ký trước đó: %2 · Chưa ghi được: %3 · Ngày ký: %4</source>
        <translation>Recorded: %1 · Already signed: %2 · Not recorded: %3 · Signing date: %4</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Đưa máy quét vào mã QR ở góc dưới bên trái của từng phiếu cam kết đã ký (phiếu in sẵn tên hộ). Mỗi phiếu ghi một bản cam kết năm %1 với ngày ký dưới đây. Không quét được thì gõ dòng “Mã phiếu” in cạnh mã QR rồi bấm Enter.</source>
        <translation>Point the scanner at the QR code in the lower left corner of each signed pledge sheet (sheets printed with the household's name). Each sheet records one pledge of %1 with the signing date below. If a code will not scan, type the “Mã phiếu” line printed next to it and press Enter.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/pledge_scan.py" line="52" />
        <source>Chưa ghi được</source>
        <translation>Not recorded</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/import_wizard.py" line="258" />
        <source>Bước 3: Xem trước và nhập</source>
        <translation>Step 3: Preview and import</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/import_wizard.py" line="259" />
        <source>Dòng tô đỏ có lỗi và sẽ bị bỏ qua; cột “Lỗi” cho biết cần sửa gì trong tệp. Bấm “Nhập” để lưu các dòng hợp lệ (tất cả trong một lần, lỗi giữa chừng thì không lưu gì).</source>
        <translation>Rows in red have errors and will be skipped; the “Errors” column says what to fix in the file. Press “Import” to save the valid rows (all at once; if anything fails, nothing is saved).</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/import_wizard.py" line="265" />
        <source>Chỉ hiện dòng lỗi</source>
        <translation>Show only rows with errors</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/import_wizard.py" line="278" />
        <source>%1 dòng hợp lệ sẽ được nhập; %2 dòng có lỗi sẽ bị bỏ qua.</source>
        <translation>%1 valid rows will be imported; %2 rows with errors will be skipped.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/import_wizard.py" line="289" />
        <source>Dòng</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/excel/import_wizard.py" line="289" />
        <source>Lỗi</source>
        <translation>Errors</translation>
    </message>
</context>
<context>
    <name>PrintPage</name>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/print_page.py" line="45" />
        <source>Báo cáo kết quả Ngày hội toàn dân bảo vệ ANTQ</source>
        <translation>Report on the All People Protect National Security festival day</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/print_page.py" line="79" />
        <source>In biểu mẫu</source>
        <translation>Print forms</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/print_page.py" line="85" />
        <source>Một khu dân cư</source>
        <translation>One residential area</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/print_page.py" line="86" />
        <source>Toàn đơn vị</source>
        <translation>Whole unit</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/print_page.py" line="87" />
        <source>Mẫu trống để điền tay</source>
        <translation>Blank form to fill in by hand</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/print_page.py" line="88" />
        <source>Mẫu trống in sẵn tên (khu dân cư đã chọn)</source>
        <translation>Blank forms with names printed (chosen area)</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/print_page.py" line="98" />
        <source>Tạo bản in</source>
        <translation>Create printout</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/print_page.py" line="100" />
        <source>Xuất Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/print_page.py" line="101" />
        <source>Bảng tổng hợp dạng .xlsx để gửi cấp trên</source>
        <translation>Summary table as .xlsx for the upper office</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/print_page.py" line="107" />
        <source>ví dụ 45 — bỏ trống để ghi tay</source>
        <translation>e.g. 45 — leave blank to write by hand</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/print_page.py" line="108" />
        <source>Số quyết định</source>
        <translation>Decision number</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/print_page.py" line="111" />
        <source>Ngày ký quyết định</source>
        <translation>Decision signing date</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/print_page.py" line="114" />
        <source>Biểu mẫu:</source>
        <translation>Form:</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/print_page.py" line="115" />
        <source>Phạm vi:</source>
        <translation>Scope:</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/print_page.py" line="116" />
        <source>Khu dân cư:</source>
        <translation>Residential area:</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/print_page.py" line="117" />
        <source>Năm:</source>
        <translation>Year:</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/print_page.py" line="118" />
        <source>Số quyết định:</source>
        <translation>Decision number:</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/print_page.py" line="119" />
        <source>Ngày ký:</source>
        <translation>Signed on:</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/print_page.py" line="170" />
        <source>Số liệu lấy từ các chỉ tiêu của năm đã chọn.</source>
        <translation>Figures come from the targets of the chosen year.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/print_page.py" line="172" />
        <source>Một mẫu trống để in và điền tay.</source>
        <translation>One blank form to print and fill in by hand.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/print_page.py" line="174" />
        <source>Mỗi hộ (hoặc khu dân cư, cơ quan, doanh nghiệp, trường học) của khu dân cư một bản, in sẵn tên, để mang đi ký.</source>
        <translation>One form per household (or area, agency, enterprise, school) of the area, names printed, to take for signing.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/print_page.py" line="177" />
        <source>Chưa có khu dân cư nào: hãy thêm ở trang Khu dân cư, hoặc chọn “Toàn đơn vị”.</source>
        <translation>There are no residential areas yet: add them on the Residential areas page, or choose “Whole unit”.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/print_page.py" line="178" />
        <source>Mỗi hồ sơ in trên một trang trở lên; chân trang có mã QR và dấu khóa của xã.</source>
        <translation>Each record prints on one page or more; the footer carries a QR code and the commune's seal mark.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/print_page.py" line="181" />
        <source>Quyết định, danh sách kèm theo và một giấy công nhận cho mỗi đơn vị có phiếu tự đánh giá “Đạt” đã gửi trong năm.</source>
        <translation>The decision, its annex list and one certificate for each unit whose submitted self-assessment of the year is “Met”.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/print_page.py" line="184" />
        <source>Bỏ trống số hoặc ngày thì bản in để chấm để ghi tay.</source>
        <translation>Without a number or a date the printout leaves dots to write them by hand.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/print_page.py" line="186" />
        <source>Tài khoản chỉ xem: bản in có số và ngày nhưng không được lưu lại.</source>
        <translation>Read-only account: the printout carries the number and date but they are not recorded.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/print_page.py" line="187" />
        <source>Số và ngày quyết định được lưu lại, gửi kèm dữ liệu để báo cáo của các đơn vị được công nhận ghi đúng số quyết định.</source>
        <translation>The decision's number and date are recorded and sent with the data, so the recognised units' reports cite it.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/print_page.py" line="204" />
        <source>Ngày ký quyết định chưa đúng: %1</source>
        <translation>The decision's signing date is not right: %1</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/print_page.py" line="241" />
        <source>Đang tạo bản in…</source>
        <translation>Creating the printout…</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/print_page.py" line="243" />
        <source>Không tạo được bản in</source>
        <translation>Could not create the printout</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/print_page.py" line="244" />
        <source>Đã hủy tạo bản in.</source>
        <translation>Printout cancelled.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/print_page.py" line="265" />
        <source>Xuất Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/print_page.py" line="266" />
        <source>Bảng tính Excel (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/print_page.py" line="271" />
        <source>Đã lưu bảng tổng hợp: %1</source>
        <translation>Summary table saved: %1</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/print_page.py" line="275" />
        <source>Đã gửi %1 trang tới máy in.</source>
        <translation>%1 pages sent to the printer.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/print_page.py" line="43" />
        <source>Bản cam kết hộ gia đình</source>
        <translation>Household pledge</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/print_page.py" line="37" />
        <source>Báo cáo kết quả năm của xã</source>
        <translation>Commune's annual results report</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/print_page.py" line="38" />
        <source>Bảng tổng hợp theo xã</source>
        <translation>Summary table by commune</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/print_page.py" line="39" />
        <source>Quyết định công nhận (kèm danh sách và giấy công nhận)</source>
        <translation>Recognition decision (with annex list and certificates)</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/print_page.py" line="43" />
        <source>Giao ước thi đua (cơ quan, doanh nghiệp, trường học)</source>
        <translation>Emulation covenant (agencies, enterprises, schools)</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/print_page.py" line="44" />
        <source>Bản đăng ký phấn đấu</source>
        <translation>Registration to strive for the standard</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/print_page.py" line="44" />
        <source>Phiếu tự đánh giá</source>
        <translation>Self-assessment sheet</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/print_page.py" line="45" />
        <source>Biên bản họp xét công nhận</source>
        <translation>Minutes of the recognition meeting</translation>
    </message>
</context>
<context>
    <name>QProgressDialog</name>
    <message>
        <location filename="../../src/antq_desktop/ui/jobs.py" line="164" />
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>RecipientWizardPage</name>
    <message>
        <location filename="../../src/antq_desktop/ui/widgets/keys_box.py" line="148" />
        <source>Khóa của đơn vị cấp trên</source>
        <translation>Upper office key</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/widgets/keys_box.py" line="149" />
        <source>Để gửi dữ liệu đã mã hóa lên cấp trên, hãy nhập tệp khóa công khai (.antqkey) do cấp trên gửi. Có thể bỏ qua và làm sau trong Cài đặt.</source>
        <translation>To send encrypted data to the upper office, import the public key file (.antqkey) it sent. You can skip this and do it later in Settings.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/widgets/keys_box.py" line="152" />
        <source>Chưa nhập khóa của cấp trên.</source>
        <translation>The upper office key has not been imported.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/widgets/keys_box.py" line="154" />
        <source>Chọn tệp khóa của cấp trên…</source>
        <translation>Choose the upper office's key file…</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/widgets/keys_box.py" line="164" />
        <source>Đã nhập khóa cấp trên, mã vân tay {0}. Hãy đối chiếu với bản giấy.</source>
        <translation>Upper office key imported, fingerprint {0}. Compare it with the paper copy.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/widgets/keys_box.py" line="169" />
        <source>Chọn tệp khóa của cấp trên</source>
        <translation>Choose the upper office's key file</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/widgets/keys_box.py" line="170" />
        <source>Tệp khóa ANTQ (*.antqkey)</source>
        <translation>ANTQ key files (*.antqkey)</translation>
    </message>
</context>
<context>
    <name>RecordDialogs</name>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/areas_page.py" line="17" />
        <source>Thêm khu dân cư</source>
        <translation>Add residential area</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/areas_page.py" line="19" />
        <source>Sửa khu dân cư</source>
        <translation>Edit residential area</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/areas_page.py" line="34" />
        <source>Tên khu dân cư</source>
        <translation>Residential area name</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/areas_page.py" line="35" />
        <source>ví dụ: Tổ dân phố số 5</source>
        <translation>e.g. Residential group 5</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/areas_page.py" line="36" />
        <source>Loại khu dân cư</source>
        <translation>Type of area</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/areas_page.py" line="37" />
        <source>Trưởng thôn/tổ trưởng</source>
        <translation>Village/group head</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/areas_page.py" line="38" />
        <location filename="../../src/antq_desktop/ui/pages/households_page.py" line="62" />
        <location filename="../../src/antq_desktop/ui/pages/organizations_page.py" line="40" />
        <source>Số điện thoại</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/areas_page.py" line="39" />
        <source>Số hộ</source>
        <translation>Households</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/areas_page.py" line="40" />
        <location filename="../../src/antq_desktop/ui/pages/households_page.py" line="61" />
        <source>Số nhân khẩu</source>
        <translation>Members</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/areas_page.py" line="41" />
        <location filename="../../src/antq_desktop/ui/pages/households_page.py" line="60" />
        <location filename="../../src/antq_desktop/ui/pages/organizations_page.py" line="38" />
        <source>Địa chỉ</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="22" />
        <location filename="../../src/antq_desktop/ui/pages/areas_page.py" line="42" />
        <location filename="../../src/antq_desktop/ui/pages/households_page.py" line="63" />
        <location filename="../../src/antq_desktop/ui/pages/organizations_page.py" line="42" />
        <location filename="../../src/antq_desktop/ui/pages/plans_page.py" line="53" />
        <location filename="../../src/antq_desktop/ui/pages/plans_page.py" line="118" />
        <location filename="../../src/antq_desktop/ui/pages/pledges_page.py" line="61" />
        <location filename="../../src/antq_desktop/ui/pages/registrations_page.py" line="49" />
        <source>Ghi chú</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="38" />
        <source>Thêm mô hình</source>
        <translation>Add model</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="39" />
        <source>Sửa mô hình</source>
        <translation>Edit model</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="53" />
        <source>Tên mô hình</source>
        <translation>Model name</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="54" />
        <source>ví dụ: Mô hình “Camera an ninh”</source>
        <translation>e.g. the “Security cameras” model</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="55" />
        <source>Loại mô hình</source>
        <translation>Model type</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="58" />
        <source>Lĩnh vực</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="59" />
        <source>Năm bắt đầu xây dựng</source>
        <translation>Year set up</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="61" />
        <source>Cơ quan công nhận</source>
        <translation>Recognising authority</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="63" />
        <source>Ngày công nhận</source>
        <translation>Recognised on</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="84" />
        <source>Thêm ngày hội</source>
        <translation>Add festival day</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="85" />
        <source>Sửa ngày hội</source>
        <translation>Edit festival day</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="98" />
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="133" />
        <source>Ngày tổ chức</source>
        <translation>Held on</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="100" />
        <source>Số người tham gia</source>
        <translation>Number of participants</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="101" />
        <source>Khu dân cư tổ chức</source>
        <translation>Organised by a residential area</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="102" />
        <source>Cơ quan, doanh nghiệp, trường học tổ chức</source>
        <translation>Organised by an agency, enterprise or school</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="103" />
        <source>Nội dung</source>
        <translation>Content</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="104" />
        <source>Kết quả</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="118" />
        <source>Thêm buổi phổ biến</source>
        <translation>Add briefing</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="119" />
        <source>Sửa buổi phổ biến</source>
        <translation>Edit briefing</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="134" />
        <source>Đối tượng</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="135" />
        <source>Nội dung phổ biến</source>
        <translation>Briefing content</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="137" />
        <source>Số người dự</source>
        <translation>Number attending</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="156" />
        <source>Thêm khen thưởng</source>
        <translation>Add commendation</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="157" />
        <source>Sửa khen thưởng</source>
        <translation>Edit commendation</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="170" />
        <source>Khen thưởng cho</source>
        <translation>Commendation for</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="172" />
        <source>Tên tập thể, cá nhân</source>
        <translation>Name of group or individual</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="175" />
        <source>Hình thức khen thưởng</source>
        <translation>Type of commendation</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="176" />
        <source>ví dụ: Giấy khen, Bằng khen</source>
        <translation>e.g. Certificate of merit, Diploma of merit</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="177" />
        <source>Cấp khen thưởng</source>
        <translation>Awarding level</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="178" />
        <source>ví dụ: Chủ tịch UBND xã</source>
        <translation>e.g. Chairman of the commune People's Committee</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="179" />
        <source>Ngày khen thưởng</source>
        <translation>Commendation date</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="180" />
        <source>Thành tích</source>
        <translation>Achievements</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="198" />
        <source>Thêm tổ bảo vệ an ninh, trật tự</source>
        <translation>Add security and order team</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="199" />
        <source>Sửa tổ bảo vệ an ninh, trật tự</source>
        <translation>Edit security and order team</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="210" />
        <source>Tên tổ</source>
        <translation>Team name</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="211" />
        <source>Số thành viên</source>
        <translation>Number of members</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="226" />
        <source>Xếp loại tổ bảo vệ an ninh, trật tự</source>
        <translation>Classification of security and order team</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="227" />
        <source>Sửa xếp loại</source>
        <translation>Edit classification</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="237" />
        <source>Tổ bảo vệ an ninh, trật tự</source>
        <translation>Security and order teams</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="239" />
        <source>Kết quả xếp loại</source>
        <translation>Classification result</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/households_page.py" line="43" />
        <source>Thêm hộ gia đình</source>
        <translation>Add household</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/households_page.py" line="45" />
        <source>Sửa hộ gia đình</source>
        <translation>Edit household</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="56" />
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="173" />
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="209" />
        <location filename="../../src/antq_desktop/ui/pages/households_page.py" line="56" />
        <location filename="../../src/antq_desktop/ui/pages/organizations_page.py" line="37" />
        <location filename="../../src/antq_desktop/ui/pages/registrations_page.py" line="43" />
        <source>Khu dân cư</source>
        <translation>Residential areas</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/households_page.py" line="57" />
        <source>Họ tên chủ hộ</source>
        <translation>Head of household</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/households_page.py" line="58" />
        <source>Số định danh (CCCD)</source>
        <translation>Citizen ID (CCCD)</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/households_page.py" line="59" />
        <source>12 chữ số</source>
        <translation>12 digits</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/households_page.py" line="65" />
        <source>Chuyển đi / không còn ở địa bàn từ ngày</source>
        <translation>Moved away / no longer living in the area from</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/organizations_page.py" line="17" />
        <source>Thêm cơ quan, doanh nghiệp, trường học</source>
        <translation>Add agency, enterprise or school</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/organizations_page.py" line="19" />
        <source>Sửa cơ quan, doanh nghiệp, trường học</source>
        <translation>Edit agency, enterprise or school</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/organizations_page.py" line="32" />
        <source>Tên đơn vị</source>
        <translation>Unit name</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/organizations_page.py" line="33" />
        <source>tên cơ quan, doanh nghiệp hoặc trường học</source>
        <translation>name of the agency, enterprise or school</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/organizations_page.py" line="34" />
        <source>Loại đơn vị</source>
        <translation>Type of unit</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/organizations_page.py" line="35" />
        <source>Thuộc diện đăng ký, tự đánh giá “An toàn về ANTT”</source>
        <translation>Must register and self-assess for the “Safe for security and order” standard</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/organizations_page.py" line="39" />
        <source>Thủ trưởng đơn vị</source>
        <translation>Head of unit</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/organizations_page.py" line="41" />
        <source>Số cán bộ, người lao động</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/plans_page.py" line="39" />
        <source>Thêm kế hoạch</source>
        <translation>Add plan</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/plans_page.py" line="40" />
        <source>Sửa kế hoạch</source>
        <translation>Edit plan</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="238" />
        <location filename="../../src/antq_desktop/ui/pages/plans_page.py" line="49" />
        <location filename="../../src/antq_desktop/ui/pages/pledges_page.py" line="58" />
        <location filename="../../src/antq_desktop/ui/pages/registrations_page.py" line="47" />
        <source>Năm</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/plans_page.py" line="50" />
        <source>Tên kế hoạch</source>
        <translation>Plan title</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/plans_page.py" line="51" />
        <source>Số, ký hiệu văn bản</source>
        <translation>Document number and symbol</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/plans_page.py" line="52" />
        <source>Ngày ban hành</source>
        <translation>Issued on</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/plans_page.py" line="101" />
        <source>Thêm chỉ tiêu</source>
        <translation>Add target</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/plans_page.py" line="102" />
        <source>Sửa chỉ tiêu</source>
        <translation>Edit target</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/plans_page.py" line="113" />
        <source>Chỉ tiêu</source>
        <translation>Target</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/plans_page.py" line="115" />
        <source>Phép so sánh</source>
        <translation>Comparison</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/plans_page.py" line="116" />
        <source>Ngưỡng (%)</source>
        <translation>Threshold (%)</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/plans_page.py" line="117" />
        <source>ví dụ: 80 hoặc 92,5</source>
        <translation>e.g. 80 or 92,5</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/pledges_page.py" line="32" />
        <source>Thêm bản cam kết</source>
        <translation>Add pledge</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/pledges_page.py" line="33" />
        <source>Sửa bản cam kết</source>
        <translation>Edit pledge</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/pledges_page.py" line="48" />
        <source>Người ký cam kết</source>
        <translation>Signed by</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/pledges_page.py" line="50" />
        <source>Hộ gia đình</source>
        <translation>Households</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="57" />
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="138" />
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="174" />
        <location filename="../../src/antq_desktop/ui/pages/pledges_page.py" line="52" />
        <location filename="../../src/antq_desktop/ui/pages/registrations_page.py" line="45" />
        <source>Cơ quan, doanh nghiệp, trường học</source>
        <translation>Agencies, enterprises, schools</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/pledges_page.py" line="54" />
        <source>Họ tên người ký</source>
        <translation>Signer's full name</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/pledges_page.py" line="56" />
        <source>Mẫu cam kết</source>
        <translation>Pledge template</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/pledges_page.py" line="59" />
        <source>Ngày ký</source>
        <translation>Signed on</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="60" />
        <location filename="../../src/antq_desktop/ui/pages/pledges_page.py" line="60" />
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/registrations_page.py" line="29" />
        <source>Thêm đăng ký</source>
        <translation>Add registration</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/registrations_page.py" line="30" />
        <source>Sửa đăng ký</source>
        <translation>Edit registration</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/registrations_page.py" line="41" />
        <source>Đối tượng đăng ký</source>
        <translation>Registering subject</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/registrations_page.py" line="48" />
        <source>Ngày đăng ký</source>
        <translation>Registered on</translation>
    </message>
    <message>
        <source>Bạn đã sửa nhưng chưa lưu. Đóng cửa sổ và bỏ các thay đổi này?</source>
        <translation>You have unsaved changes. Close the window and discard them?</translation>
    </message>
    <message>
        <source>Chưa lưu thay đổi</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>Chưa lưu: hãy sửa các mục được đánh dấu đỏ.</source>
        <translation>Not saved: correct the items marked in red.</translation>
    </message>
    <message>
        <source>Các mục có dấu * là bắt buộc.</source>
        <translation>Items marked * are required.</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Sửa %1</source>
        <translation>Edit %1</translation>
    </message>
    <message>
        <source>Thêm %1</source>
        <translation>Add %1</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>&amp;Mở hộ đã có</source>
        <translation>&amp;Open the existing household</translation>
    </message>
    <message>
        <source>Xem hộ có cùng số định danh (mở trong cửa sổ mới)</source>
        <translation>See the household with the same citizen ID (opens a new window)</translation>
    </message>
    <message>
        <source>Số định danh này đã có ở hộ “%1” (%2). Hãy kiểm tra có phải cùng một người không; nếu nhập trùng, hãy bấm “Mở hộ đã có” thay vì thêm hộ mới.</source>
        <translation>This citizen ID is already held by household “%1” (%2). Check whether it is the same person; if it was entered twice, press “Open the existing household” instead of adding a new one.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/dialogs/meeting_dialog.py" line="26" />
        <source>Loại cuộc họp</source>
        <translation>Meeting type</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/dialogs/meeting_dialog.py" line="27" />
        <source>Ngày họp</source>
        <translation>Meeting date</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/dialogs/meeting_dialog.py" line="28" />
        <source>Giờ bắt đầu</source>
        <translation>Start time</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/dialogs/meeting_dialog.py" line="28" />
        <source>ví dụ 08:30</source>
        <translation>e.g. 08:30</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/dialogs/meeting_dialog.py" line="29" />
        <source>Giờ kết thúc</source>
        <translation>End time</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/dialogs/meeting_dialog.py" line="29" />
        <source>ví dụ 10:30</source>
        <translation>e.g. 10:30</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/dialogs/meeting_dialog.py" line="30" />
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="99" />
        <source>Địa điểm</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/dialogs/meeting_dialog.py" line="31" />
        <source>Chủ trì</source>
        <translation>Chaired by</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/dialogs/meeting_dialog.py" line="32" />
        <source>Thư ký</source>
        <translation>Secretary</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/dialogs/meeting_dialog.py" line="33" />
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="136" />
        <source>Số người được mời</source>
        <translation>Number invited</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/dialogs/meeting_dialog.py" line="34" />
        <source>Số người có mặt</source>
        <translation>Number present</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/dialogs/meeting_dialog.py" line="35" />
        <source>Số người vắng mặt</source>
        <translation>Number absent</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/dialogs/meeting_dialog.py" line="36" />
        <source>Số ý kiến đồng ý</source>
        <translation>Votes in favour</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/dialogs/meeting_dialog.py" line="37" />
        <source>Số ý kiến không đồng ý</source>
        <translation>Votes against</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/dialogs/meeting_dialog.py" line="38" />
        <source>Kết luận</source>
        <translation>Conclusion</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/dialogs/meeting_dialog.py" line="55" />
        <location filename="../../src/antq_desktop/ui/pages/meetings_page.py" line="46" />
        <location filename="../../src/antq_desktop/ui/pages/meetings_page.py" line="47" />
        <source>Biên bản họp</source>
        <translation>Meeting minutes</translation>
    </message>
    <message>
        <source>Bỏ người đang chọn</source>
        <translation>Remove the selected person</translation>
    </message>
    <message>
        <source>Các thành viên trong hộ</source>
        <translation>Household members</translation>
    </message>
    <message>
        <source>Các thành viên trong hộ (in trên bản cam kết):</source>
        <translation>Household members (printed on the pledge):</translation>
    </message>
    <message>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Năm sinh</source>
        <translation>Year of birth</translation>
    </message>
    <message>
        <source>Quan hệ với chủ hộ</source>
        <translation>Relationship to household head</translation>
    </message>
    <message>
        <source>Số định danh</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>Thêm người</source>
        <translation>Add person</translation>
    </message>
    <message>
        <source>Tiêu chí</source>
        <translation>Criterion</translation>
    </message>
    <message>
        <source>Ý kiến thảo luận</source>
        <translation>Discussion</translation>
    </message>
    <message>
        <source>Ý kiến thảo luận theo từng tiêu chí</source>
        <translation>Discussion by criterion</translation>
    </message>
    <message>
        <source>Ý kiến thảo luận theo từng tiêu chí (bỏ trống nếu không có):</source>
        <translation>Discussion by criterion (leave blank if none):</translation>
    </message>
</context>
<context>
    <name>RecordPages</name>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="203" />
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="231" />
        <location filename="../../src/antq_desktop/ui/pages/areas_page.py" line="14" />
        <location filename="../../src/antq_desktop/ui/pages/households_page.py" line="49" />
        <location filename="../../src/antq_desktop/ui/pages/organizations_page.py" line="25" />
        <location filename="../../src/antq_desktop/ui/pages/pledges_page.py" line="38" />
        <source>Khu dân cư</source>
        <translation>Residential areas</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/areas_page.py" line="15" />
        <source>Tìm theo tên khu dân cư hoặc trưởng thôn (có dấu hoặc không dấu)</source>
        <translation>Search by area name or head (with or without diacritics)</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/areas_page.py" line="21" />
        <source>Tên khu dân cư</source>
        <translation>Residential area name</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="43" />
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="161" />
        <location filename="../../src/antq_desktop/ui/pages/areas_page.py" line="22" />
        <location filename="../../src/antq_desktop/ui/pages/organizations_page.py" line="22" />
        <location filename="../../src/antq_desktop/ui/pages/pledges_page.py" line="36" />
        <source>Loại</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/areas_page.py" line="24" />
        <source>Trưởng thôn/tổ trưởng</source>
        <translation>Village/group head</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/areas_page.py" line="25" />
        <location filename="../../src/antq_desktop/ui/pages/households_page.py" line="52" />
        <location filename="../../src/antq_desktop/ui/pages/organizations_page.py" line="27" />
        <source>Điện thoại</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/areas_page.py" line="26" />
        <source>Số hộ (khai báo)</source>
        <translation>Households (declared)</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/areas_page.py" line="28" />
        <source>Số hộ đã nhập</source>
        <translation>Households entered</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/areas_page.py" line="30" />
        <location filename="../../src/antq_desktop/ui/pages/households_page.py" line="51" />
        <source>Nhân khẩu</source>
        <translation>Members</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/areas_page.py" line="31" />
        <location filename="../../src/antq_desktop/ui/pages/households_page.py" line="50" />
        <location filename="../../src/antq_desktop/ui/pages/organizations_page.py" line="29" />
        <source>Địa chỉ</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/areas_page.py" line="44" />
        <source>Mọi loại khu dân cư</source>
        <translation>All area types</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/assessments_page.py" line="46" />
        <source>Tự đánh giá tiêu chuẩn “An toàn về an ninh, trật tự”</source>
        <translation>Self-assessment for the “Safe for security and order” standard</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/assessments_page.py" line="47" />
        <source>In phiếu…</source>
        <translation>Print sheet…</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/assessments_page.py" line="48" />
        <location filename="../../src/antq_desktop/ui/pages/meetings_page.py" line="42" />
        <source>In biên bản…</source>
        <translation>Print minutes…</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/assessments_page.py" line="49" />
        <location filename="../../src/antq_desktop/ui/pages/meetings_page.py" line="43" />
        <location filename="../../src/antq_desktop/ui/pages/registrations_page.py" line="26" />
        <source>Tìm theo tên khu dân cư hoặc đơn vị (có dấu hoặc không dấu)</source>
        <translation>Search by area or unit name (with or without diacritics)</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="35" />
        <source>Mô hình, điển hình tiên tiến</source>
        <translation>Models and advanced examples</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="36" />
        <source>Tìm theo tên mô hình hoặc lĩnh vực (có dấu hoặc không dấu)</source>
        <translation>Search by model name or field (with or without diacritics)</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="42" />
        <source>Tên mô hình</source>
        <translation>Model name</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="45" />
        <location filename="../../src/antq_desktop/ui/pages/assessments_page.py" line="53" />
        <location filename="../../src/antq_desktop/ui/pages/meetings_page.py" line="49" />
        <location filename="../../src/antq_desktop/ui/pages/registrations_page.py" line="32" />
        <source>Khu dân cư / đơn vị</source>
        <translation>Area / unit</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="46" />
        <source>Năm bắt đầu</source>
        <translation>Start year</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="50" />
        <source>Công nhận</source>
        <translation>Recognised by</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="68" />
        <source>Mọi loại mô hình</source>
        <translation>All model types</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="80" />
        <source>Ngày hội toàn dân bảo vệ an ninh Tổ quốc (19/8)</source>
        <translation>All People Protect National Security festival day (19 August)</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="81" />
        <source>Tìm theo khu dân cư hoặc đơn vị tổ chức</source>
        <translation>Search by residential area or organising unit</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="87" />
        <source>In báo cáo…</source>
        <translation>Print report…</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="89" />
        <source>Ngày tổ chức</source>
        <translation>Held on</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="91" />
        <source>Đơn vị tổ chức</source>
        <translation>Organising unit</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="92" />
        <location filename="../../src/antq_desktop/ui/pages/meetings_page.py" line="57" />
        <source>Địa điểm</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="93" />
        <source>Số người tham gia</source>
        <translation>Number of participants</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="114" />
        <source>Phổ biến, quán triệt, tuyên truyền</source>
        <translation>Briefings and awareness-raising</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="115" />
        <source>Tìm theo đơn vị tổ chức</source>
        <translation>Search by organising unit</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="122" />
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="165" />
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="124" />
        <location filename="../../src/antq_desktop/ui/pages/assessments_page.py" line="54" />
        <location filename="../../src/antq_desktop/ui/pages/registrations_page.py" line="33" />
        <source>Đối tượng</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="152" />
        <source>Khen thưởng, biểu dương</source>
        <translation>Commendations and praise</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="153" />
        <source>Tìm theo tên tập thể, cá nhân (có dấu hoặc không dấu)</source>
        <translation>Search by group or individual name (with or without diacritics)</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="160" />
        <source>Tập thể, cá nhân</source>
        <translation>Group, individual</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="163" />
        <source>Hình thức</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="164" />
        <source>Cấp khen</source>
        <translation>Awarded by</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="167" />
        <source>Thành tích</source>
        <translation>Achievements</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="183" />
        <source>Tập thể và cá nhân</source>
        <translation>Groups and individuals</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="194" />
        <source>Tổ bảo vệ an ninh, trật tự ở cơ sở</source>
        <translation>Grassroots security and order teams</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="195" />
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="223" />
        <source>Tìm theo tên khu dân cư (có dấu hoặc không dấu)</source>
        <translation>Search by residential area name (with or without diacritics)</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="202" />
        <source>Tên tổ</source>
        <translation>Team name</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="204" />
        <source>Số thành viên</source>
        <translation>Number of members</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="205" />
        <source>Xếp loại năm đang chọn</source>
        <translation>Classification for the selected year</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="222" />
        <source>Xếp loại tổ bảo vệ an ninh, trật tự theo năm</source>
        <translation>Yearly classification of security and order teams</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="230" />
        <source>Tổ</source>
        <translation>Team</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="233" />
        <source>Kết quả xếp loại</source>
        <translation>Classification result</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="242" />
        <source>Mọi kết quả</source>
        <translation>All results</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/assessments_page.py" line="56" />
        <source>Ngày đánh giá</source>
        <translation>Assessment date</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/assessments_page.py" line="58" />
        <source>Điểm</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="95" />
        <location filename="../../src/antq_desktop/ui/pages/assessments_page.py" line="59" />
        <source>Kết quả</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/assessments_page.py" line="61" />
        <source>Xếp loại</source>
        <translation>Classification</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="48" />
        <location filename="../../src/antq_desktop/ui/pages/assessments_page.py" line="62" />
        <location filename="../../src/antq_desktop/ui/pages/pledges_page.py" line="43" />
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="126" />
        <source>Nội dung</source>
        <translation>Content</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="127" />
        <source>Được mời</source>
        <translation>Invited</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="129" />
        <source>Tham dự</source>
        <translation>Present</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="130" />
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="141" />
        <location filename="../../src/antq_desktop/ui/pages/assessments_page.py" line="66" />
        <location filename="../../src/antq_desktop/ui/pages/meetings_page.py" line="60" />
        <location filename="../../src/antq_desktop/ui/pages/registrations_page.py" line="51" />
        <source>Mọi đối tượng</source>
        <translation>All subjects</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="67" />
        <location filename="../../src/antq_desktop/ui/pages/assessments_page.py" line="67" />
        <location filename="../../src/antq_desktop/ui/pages/pledges_page.py" line="66" />
        <source>Mọi trạng thái</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/households_page.py" line="39" />
        <source>Hộ gia đình</source>
        <translation>Households</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/households_page.py" line="40" />
        <source>Tìm theo tên chủ hộ, địa chỉ hoặc số định danh (có dấu hoặc không dấu)</source>
        <translation>Search by household head, address or ID number (with or without diacritics)</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/households_page.py" line="47" />
        <source>Chủ hộ</source>
        <translation>Head of household</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/households_page.py" line="48" />
        <source>Số định danh</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/households_page.py" line="53" />
        <source>Đã cam kết</source>
        <translation>Pledged</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="214" />
        <location filename="../../src/antq_desktop/ui/pages/households_page.py" line="67" />
        <location filename="../../src/antq_desktop/ui/pages/organizations_page.py" line="46" />
        <location filename="../../src/antq_desktop/ui/pages/pledges_page.py" line="64" />
        <source>Mọi khu dân cư</source>
        <translation>All residential areas</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/organizations_page.py" line="14" />
        <source>Cơ quan – doanh nghiệp – trường học</source>
        <translation>Agencies – enterprises – schools</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/organizations_page.py" line="15" />
        <source>Tìm theo tên, thủ trưởng hoặc địa chỉ (có dấu hoặc không dấu)</source>
        <translation>Search by name, head or address (with or without diacritics)</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/organizations_page.py" line="21" />
        <source>Tên đơn vị</source>
        <translation>Unit name</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/organizations_page.py" line="24" />
        <source>Thuộc diện</source>
        <translation>In scope</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/organizations_page.py" line="26" />
        <source>Thủ trưởng</source>
        <translation>Head</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/organizations_page.py" line="28" />
        <source>Số người</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/organizations_page.py" line="45" />
        <source>Mọi loại đơn vị</source>
        <translation>All unit types</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/plans_page.py" line="37" />
        <source>Kế hoạch – chỉ tiêu</source>
        <translation>Plans – targets</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/plans_page.py" line="38" />
        <source>Tìm theo tên kế hoạch</source>
        <translation>Search by plan title</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/activities_page.py" line="232" />
        <location filename="../../src/antq_desktop/ui/pages/plans_page.py" line="42" />
        <location filename="../../src/antq_desktop/ui/pages/registrations_page.py" line="35" />
        <source>Năm</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/plans_page.py" line="43" />
        <source>Tên kế hoạch</source>
        <translation>Plan title</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/plans_page.py" line="44" />
        <source>Số, ký hiệu</source>
        <translation>Number, symbol</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/plans_page.py" line="45" />
        <source>Ngày ban hành</source>
        <translation>Issued on</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/plans_page.py" line="99" />
        <source>Chỉ tiêu của kế hoạch đang chọn</source>
        <translation>Targets of the selected plan</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/plans_page.py" line="100" />
        <source>Tìm theo mã chỉ tiêu</source>
        <translation>Search by target code</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/plans_page.py" line="104" />
        <source>Chỉ tiêu</source>
        <translation>Target</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/plans_page.py" line="106" />
        <source>Mức phải đạt</source>
        <translation>Required level</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/plans_page.py" line="107" />
        <location filename="../../src/antq_desktop/ui/pages/pledges_page.py" line="45" />
        <location filename="../../src/antq_desktop/ui/pages/registrations_page.py" line="38" />
        <source>Ghi chú</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/pledges_page.py" line="27" />
        <source>Cam kết</source>
        <translation>Pledges</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/pledges_page.py" line="28" />
        <location filename="../../src/antq_desktop/ui/pages/registrations_page.py" line="25" />
        <source>In…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/pledges_page.py" line="29" />
        <source>Tìm theo tên chủ hộ, đơn vị hoặc người ký (có dấu hoặc không dấu)</source>
        <translation>Search by household head, unit or signer (with or without diacritics)</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/pledges_page.py" line="35" />
        <source>Người/đơn vị ký</source>
        <translation>Signer</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/pledges_page.py" line="39" />
        <source>Mẫu</source>
        <translation>Template</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/pledges_page.py" line="41" />
        <source>Ngày ký</source>
        <translation>Signed on</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/pledges_page.py" line="65" />
        <source>Mọi loại người ký</source>
        <translation>All signer types</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/registrations_page.py" line="24" />
        <source>Đăng ký “An toàn về an ninh, trật tự”</source>
        <translation>Registrations for the “Safe for security and order” standard</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/registrations_page.py" line="36" />
        <source>Ngày đăng ký</source>
        <translation>Registered on</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/dashboard_page.py" line="98" />
        <source>khu dân cư chưa đăng ký năm %1</source>
        <translation>residential areas not registered for %1</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/dashboard_page.py" line="99" />
        <source>hộ chưa ký cam kết năm %1</source>
        <translation>households without a pledge for %1</translation>
    </message>
    <message>
        <source>%1 bản ghi</source>
        <translation>%1 records</translation>
    </message>
    <message>
        <source>%1 bản ghi đã chọn</source>
        <translation>%1 records selected</translation>
    </message>
    <message>
        <source>Bỏ điều kiện lọc này, hiện lại toàn bộ danh sách</source>
        <translation>Remove this filter and show the whole list again</translation>
    </message>
    <message>
        <source>Chuyển %1 đăng ký</source>
        <translation>Carry over %1 registrations</translation>
    </message>
    <message>
        <source>Chuyển các bản cam kết đang chọn sang trạng thái “Đã ký”</source>
        <translation>Mark the selected pledges as “Signed”</translation>
    </message>
    <message>
        <source>Chuyển đăng ký</source>
        <translation>Carry over registrations</translation>
    </message>
    <message>
        <source>Chuyển đăng ký năm trước sang…</source>
        <translation>Carry last year's registrations over to…</translation>
    </message>
    <message>
        <source>Chưa có thao tác nào để hoàn tác</source>
        <translation>Nothing to undo yet</translation>
    </message>
    <message>
        <source>Chưa đạt</source>
        <translation>Not met</translation>
    </message>
    <message>
        <source>Chọn mẫu:</source>
        <translation>Template:</translation>
    </message>
    <message>
        <source>Danh sách chỉ hiện 4 số cuối của số định danh. Bấm để xem đầy đủ; việc xem được ghi vào nhật ký thao tác.</source>
        <translation>The list shows only the last 4 digits of ID numbers. Click to see them in full; viewing is recorded in the activity log.</translation>
    </message>
    <message>
        <source>Ghi %1 bản cam kết</source>
        <translation>Record %1 pledges</translation>
    </message>
    <message>
        <source>Ghi bản cam kết đã ký cho mọi hộ chưa có bản cam kết năm nay</source>
        <translation>Record a signed pledge for every household without one this year</translation>
    </message>
    <message>
        <source>Ghi cam kết cả khu dân cư…</source>
        <translation>Pledges for a whole area…</translation>
    </message>
    <message>
        <source>Hiện số định danh</source>
        <translation>Show ID numbers</translation>
    </message>
    <message>
        <source>Hoàn tác</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Hoàn tác: %1 (Ctrl+Z)</source>
        <translation>Undo: %1 (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Hãy chọn các bản cam kết cần đánh dấu trước.</source>
        <translation>First select the pledges to mark.</translation>
    </message>
    <message>
        <source>Hãy chọn dòng cần xóa trước.</source>
        <translation>First select the rows to delete.</translation>
    </message>
    <message>
        <source>Hãy chọn một dòng trong bảng trước.</source>
        <translation>First select a row in the table.</translation>
    </message>
    <message>
        <source>Hãy chọn một dòng trong danh sách để in.</source>
        <translation>Select a row in the list to print.</translation>
    </message>
    <message>
        <source>In biểu mẫu</source>
        <translation>Print forms</translation>
    </message>
    <message>
        <source>In bản của dòng đang chọn, xem trước rồi in</source>
        <translation>Print the selected row's form: preview, then print</translation>
    </message>
    <message>
        <source>Không chuyển được đăng ký</source>
        <translation>Could not carry over the registrations</translation>
    </message>
    <message>
        <source>Không có đăng ký nào của năm %1 cần chuyển sang năm %2 (đã chuyển hết hoặc năm trước chưa có đăng ký).</source>
        <translation>There are no %1 registrations to carry over to %2 (all done already, or none last year).</translation>
    </message>
    <message>
        <source>Không ghi được cam kết</source>
        <translation>Could not record the pledges</translation>
    </message>
    <message>
        <source>Không tạo được kế hoạch</source>
        <translation>Could not create the plan</translation>
    </message>
    <message>
        <source>Không xóa được</source>
        <translation>Could not delete</translation>
    </message>
    <message>
        <source>Không đánh dấu được</source>
        <translation>Could not mark</translation>
    </message>
    <message>
        <source>Nhập từ Excel…</source>
        <translation>Import from Excel…</translation>
    </message>
    <message>
        <source>Phiếu tự đánh giá theo từng tiêu chí chưa có trong bản này. Hãy cập nhật chương trình.</source>
        <translation>The per-criterion self-assessment form is not in this version. Please update the program.</translation>
    </message>
    <message>
        <source>Sửa</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>Thêm mới</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Tạo kế hoạch %1</source>
        <translation>Create plan %1</translation>
    </message>
    <message>
        <source>Tạo kế hoạch năm đang chọn cùng các chỉ tiêu theo mẫu kế hoạch của tỉnh</source>
        <translation>Create the selected year's plan with its targets from the province's plan template</translation>
    </message>
    <message>
        <source>Tạo từ mẫu kế hoạch</source>
        <translation>Create from a plan template</translation>
    </message>
    <message>
        <source>Tạo từ mẫu kế hoạch…</source>
        <translation>Create from a plan template…</translation>
    </message>
    <message>
        <source>Tự đánh giá</source>
        <translation>Self-assessments</translation>
    </message>
    <message>
        <source>Xem</source>
        <translation>View</translation>
    </message>
    <message>
        <source>Xuất Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <source>Xóa</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Xóa %1</source>
        <translation>Delete %1</translation>
    </message>
    <message>
        <source>Xóa %1?
Có thể lấy lại ngay bằng nút “Hoàn tác” (Ctrl+Z).</source>
        <translation>Delete %1?
You can get it back at once with “Undo” (Ctrl+Z).</translation>
    </message>
    <message>
        <source>Xóa bản ghi</source>
        <translation>Delete record</translation>
    </message>
    <message>
        <source>cam kết của %1</source>
        <translation>pledge of %1</translation>
    </message>
    <message>
        <source>chỉ tiêu %1</source>
        <translation>target %1</translation>
    </message>
    <message>
        <source>tệp .xlsx</source>
        <translation>.xlsx file</translation>
    </message>
    <message>
        <source>tự đánh giá của %1</source>
        <translation>self-assessment of %1</translation>
    </message>
    <message>
        <source>Đang chuyển đăng ký</source>
        <translation>Carrying over registrations</translation>
    </message>
    <message>
        <source>Đang ghi cam kết cho khu dân cư</source>
        <translation>Recording pledges for the area</translation>
    </message>
    <message>
        <source>Đang lọc: %1</source>
        <translation>Filtered: %1</translation>
    </message>
    <message>
        <source>Đánh dấu %1 bản cam kết là “Đã ký”? Bản nào chưa có ngày ký sẽ ghi ngày %2.</source>
        <translation>Mark %1 pledges as “Signed”? Those without a signing date get %2.</translation>
    </message>
    <message>
        <source>Đánh dấu %1 bản cam kết đã ký</source>
        <translation>Mark %1 pledges as signed</translation>
    </message>
    <message>
        <source>Đánh dấu đã ký</source>
        <translation>Mark as signed</translation>
    </message>
    <message>
        <source>Đã chuyển %1 đăng ký.</source>
        <translation>%1 registrations carried over.</translation>
    </message>
    <message>
        <source>Đã ghi %1 bản cam kết.</source>
        <translation>%1 pledges recorded.</translation>
    </message>
    <message>
        <source>Đã lưu: %1</source>
        <translation>Saved: %1</translation>
    </message>
    <message>
        <source>Đã xóa %1. Bấm Ctrl+Z để hoàn tác.</source>
        <translation>%1 deleted. Press Ctrl+Z to undo.</translation>
    </message>
    <message>
        <source>Đã đánh dấu %1 bản cam kết.</source>
        <translation>%1 pledges marked.</translation>
    </message>
    <message>
        <source>Đăng ký lại cho năm đang chọn mọi khu dân cư, đơn vị đã đăng ký năm trước</source>
        <translation>Register again for the selected year every area and unit registered last year</translation>
    </message>
    <message>
        <source>Đăng ký năm %2 cho %3 khu dân cư, đơn vị đã đăng ký năm %1, ngày đăng ký %4?</source>
        <translation>Register %3 areas and units registered in %1 for %2, with registration date %4?</translation>
    </message>
    <message>
        <source>Đạt</source>
        <translation>Met</translation>
    </message>
    <message>
        <source>đăng ký của %1</source>
        <translation>registration of %1</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>“%1”</translation>
    </message>
    <message>
        <source>✕ Bỏ lọc</source>
        <translation>✕ Clear filter</translation>
    </message>
    <message>
        <source>Ghi cam kết bằng máy quét mã QR trên các phiếu in sẵn đã ký</source>
        <translation>Record pledges by scanning the QR codes of signed prefilled sheets</translation>
    </message>
    <message>
        <source>Quét phiếu đã ký…</source>
        <translation>Scan signed sheets…</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/households_page.py" line="69" />
        <source>In bản cam kết…</source>
        <translation>Print pledges…</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/households_page.py" line="70" />
        <source>In bản cam kết chưa ký…</source>
        <translation>Print unsigned pledges…</translation>
    </message>
    <message>
        <source>Biên bản họp</source>
        <translation>Meeting minutes</translation>
    </message>
    <message>
        <source>Biên bản họp…</source>
        <translation>Meeting minutes…</translation>
    </message>
    <message>
        <source>Bản cam kết hộ gia đình</source>
        <translation>Household pledge</translation>
    </message>
    <message>
        <source>Chuyển đi</source>
        <translation>Moved away</translation>
    </message>
    <message>
        <source>Chuyển đi / không còn ở địa bàn</source>
        <translation>Moved away / no longer living in the area</translation>
    </message>
    <message>
        <source>Chuyển đi…</source>
        <translation>Moved away…</translation>
    </message>
    <message>
        <source>Ghi thời gian, địa điểm, thành phần, ý kiến và biểu quyết của cuộc họp xét đối tượng đang chọn; biên bản in ra sẽ điền sẵn các nội dung này.</source>
        <translation>Record the time, place, attendees, opinions and votes of the meeting that reviewed the selected subject; the printed minutes will be filled in with them.</translation>
    </message>
    <message>
        <source>Hãy chọn hộ chuyển đi trong danh sách.</source>
        <translation>Select the household that moved away in the list.</translation>
    </message>
    <message>
        <source>Hãy chọn một dòng trong danh sách trước.</source>
        <translation>Select a row in the list first.</translation>
    </message>
    <message>
        <source>Hãy chọn một hoặc nhiều hộ để in.</source>
        <translation>Select one or more households to print.</translation>
    </message>
    <message>
        <source>Hộ chuyển đi hoặc không còn ở địa bàn: vẫn được tính trong các năm trước (dùng thay cho Xóa với hộ đã có từ năm trước)</source>
        <translation>The household moved away or no longer lives in the area: it still counts in earlier years (use this instead of Delete for a household from an earlier year)</translation>
    </message>
    <message>
        <source>Không ghi được ngày chuyển đi</source>
        <translation>Could not record the moving-away date</translation>
    </message>
    <message>
        <source>Không tạo được bản in</source>
        <translation>Could not create the printout</translation>
    </message>
    <message>
        <source>Toàn xã, phường</source>
        <translation>Whole commune or ward</translation>
    </message>
    <message>
        <source>Từ ngày (dd/MM/yyyy):</source>
        <translation>From (dd/MM/yyyy):</translation>
    </message>
    <message>
        <source>buổi phổ biến %1</source>
        <translation>briefing %1</translation>
    </message>
    <message>
        <source>chưa xếp loại</source>
        <translation>not classified</translation>
    </message>
    <message>
        <source>khen thưởng %1</source>
        <translation>commendation %1</translation>
    </message>
    <message>
        <source>ngày hội %1</source>
        <translation>festival day %1</translation>
    </message>
    <message>
        <source>xếp loại năm %1</source>
        <translation>classification %1</translation>
    </message>
    <message>
        <source>Đang tạo bản in…</source>
        <translation>Creating the printout…</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/meetings_page.py" line="41" />
        <source>Biên bản họp bình xét, xét công nhận</source>
        <translation>Review and recognition meeting minutes</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/meetings_page.py" line="50" />
        <source>Loại cuộc họp</source>
        <translation>Meeting type</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/meetings_page.py" line="52" />
        <source>Ngày họp</source>
        <translation>Meeting date</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/meetings_page.py" line="54" />
        <source>Thời gian</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/meetings_page.py" line="55" />
        <source>Chủ trì</source>
        <translation>Chaired by</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/meetings_page.py" line="56" />
        <source>Tán thành</source>
        <translation>In favour</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/meetings_page.py" line="61" />
        <source>Mọi loại cuộc họp</source>
        <translation>All kinds of meeting</translation>
    </message>
    <message>
        <source>Biên bản họp mới — chọn đối tượng</source>
        <translation>New meeting minutes — choose the subject</translation>
    </message>
    <message>
        <source>Biên bản in kèm kết quả tự đánh giá, nhưng đối tượng này chưa có phiếu tự đánh giá năm %1. Hãy lập phiếu ở trang Tự đánh giá rồi in lại.</source>
        <translation>The minutes print with the self-assessment, but this subject has no self-assessment for %1. Make one on the Self-assessments page, then print again.</translation>
    </message>
    <message>
        <source>biên bản họp của %1, ngày %2</source>
        <translation>meeting minutes of %1, %2</translation>
    </message>
</context>
<context>
    <name>RecoveryPreviewDialog</name>
    <message>
        <location filename="../../src/antq_desktop/ui/widgets/recovery_box.py" line="39" />
        <source>Xem trước dữ liệu khôi phục</source>
        <translation>Preview of the recovery data</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/widgets/recovery_box.py" line="45" />
        <source>Dữ liệu của xã trên máy này sẽ được thay bằng dữ liệu cấp trên đang giữ. Chưa có gì thay đổi cho đến khi bấm “Nhận dữ liệu khôi phục”.</source>
        <translation>The commune's data on this computer will be replaced by the data the upper office holds. Nothing changes until you press “Take in the recovery data”.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/widgets/recovery_box.py" line="51" />
        <source>Nhận dữ liệu khôi phục</source>
        <translation>Take in the recovery data</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/widgets/recovery_box.py" line="53" />
        <source>Huỷ</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>RecoveryReceiveBox</name>
    <message>
        <location filename="../../src/antq_desktop/ui/widgets/recovery_box.py" line="73" />
        <source>Nhận dữ liệu khôi phục của cấp trên</source>
        <translation>Recovery data from the upper office</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/widgets/recovery_box.py" line="78" />
        <source>Sau khi mất máy hoặc khôi phục bản sao lưu cũ: chọn gói khôi phục (.antq) do cấp trên gửi; xem trước rồi mới nhận.</source>
        <translation>After a lost laptop or restoring an old backup: choose the recovery package (.antq) the upper office sent; preview it before taking it in.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/widgets/recovery_box.py" line="82" />
        <source>Nhận dữ liệu khôi phục…</source>
        <translation>Take in recovery data…</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/widgets/recovery_box.py" line="89" />
        <source>Chọn gói khôi phục của cấp trên</source>
        <translation>Choose the upper office's recovery package</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/widgets/recovery_box.py" line="90" />
        <source>Gói dữ liệu ANTQ (*.antq)</source>
        <translation>ANTQ data packages (*.antq)</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/widgets/recovery_box.py" line="98" />
        <source>Đang nhận một gói khôi phục: hãy chờ xong rồi mở tệp này lại.</source>
        <translation>A recovery package is being taken in: wait until it is done, then open this file again.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/widgets/recovery_box.py" line="101" />
        <source>Mật khẩu của bạn (mở khóa của đơn vị bằng tài khoản đang đăng nhập):</source>
        <translation>Your password (opens the unit's keys through the signed-in account):</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/widgets/recovery_box.py" line="111" />
        <source>Đang kiểm tra gói khôi phục</source>
        <translation>Checking the recovery package</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/widgets/recovery_box.py" line="118" />
        <location filename="../../src/antq_desktop/ui/widgets/recovery_box.py" line="130" />
        <source>Đã hủy: dữ liệu trên máy này không thay đổi.</source>
        <translation>Cancelled: the data on this computer is unchanged.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/widgets/recovery_box.py" line="124" />
        <source>Đang nhận dữ liệu khôi phục</source>
        <translation>Taking in the recovery data</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/widgets/recovery_box.py" line="139" />
        <source>Không nhận gói khôi phục: dữ liệu trên máy này không thay đổi.</source>
        <translation>Recovery package not taken in: the data on this computer is unchanged.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/widgets/recovery_box.py" line="141" />
        <source>Không nhận gói khôi phục</source>
        <translation>Recovery package not taken in</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/widgets/recovery_box.py" line="135" />
        <source>Đã nhận dữ liệu khôi phục của %1. Lần gửi tiếp theo là gói số %2.</source>
        <translation>Recovery data from %1 taken in. The next package sent will be number %2.</translation>
    </message>
</context>
<context>
    <name>RedoConfirmPage</name>
    <message>
        <location filename="../../src/antq_desktop/ui/redo_setup.py" line="141" />
        <source>Xác nhận thay đổi</source>
        <translation>Confirm the changes</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/redo_setup.py" line="142" />
        <source>Nhập mật khẩu đăng nhập của bạn để lưu. Bấm “Hủy” thì không có gì thay đổi.</source>
        <translation>Enter your sign-in password to save. Press “Cancel” and nothing changes.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/redo_setup.py" line="144" />
        <source>Lưu thay đổi</source>
        <translation>Save changes</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/redo_setup.py" line="153" />
        <source>Mật khẩu của bạn:</source>
        <translation>Your password:</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/redo_setup.py" line="160" />
        <source>Không có thay đổi nào. Bấm “Hủy” để đóng.</source>
        <translation>Nothing has changed. Press “Cancel” to close.</translation>
    </message>
</context>
<context>
    <name>RedoDonePage</name>
    <message>
        <location filename="../../src/antq_desktop/ui/redo_setup.py" line="182" />
        <source>Đã lưu</source>
        <translation>Saved</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/redo_setup.py" line="193" />
        <source>Đã lưu các thay đổi và ghi vào nhật ký.</source>
        <translation>The changes were saved and recorded in the audit log.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/redo_setup.py" line="194" />
        <source>Không có thay đổi nào.</source>
        <translation>Nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/redo_setup.py" line="196" />
        <source>Mã vân tay khóa mới của đơn vị: &lt;b&gt;%1&lt;/b&gt;.</source>
        <translation>Fingerprint of the unit's new key: &lt;b&gt;%1&lt;/b&gt;.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/redo_setup.py" line="199" />
        <source>Đơn vị mới: &lt;b&gt;%1&lt;/b&gt; (mã %2). Hãy xuất tệp khóa công khai mới (trang Gửi – nhận dữ liệu) gửi cấp trên, rồi đóng và mở lại chương trình để mọi trang dùng đơn vị mới.</source>
        <translation>New unit: &lt;b&gt;%1&lt;/b&gt; (code %2). Export the new public key file (Send – receive data page) for the upper office, then close and reopen the program so every page uses the new unit.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/redo_setup.py" line="203" />
        <source>Lần xuất dữ liệu tiếp theo sẽ báo khóa mới cho cấp trên.</source>
        <translation>The next data export will tell the upper office about the new key.</translation>
    </message>
</context>
<context>
    <name>RedoKeysPage</name>
    <message>
        <location filename="../../src/antq_desktop/ui/redo_setup.py" line="75" />
        <source>Khóa của đơn vị và của cấp trên</source>
        <translation>This unit's keys and the upper office's key</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/redo_setup.py" line="76" />
        <source>Không bắt buộc: tạo khóa mới cho đơn vị, hoặc nhập hay thay tệp khóa của cấp trên.</source>
        <translation>Optional: make new keys for the unit, or import or replace the upper office's key file.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/redo_setup.py" line="78" />
        <location filename="../../src/antq_desktop/ui/redo_setup.py" line="86" />
        <source>chưa có</source>
        <translation>none yet</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/redo_setup.py" line="79" />
        <source>Mã vân tay khóa của đơn vị: %1</source>
        <translation>Fingerprint of this unit's key: %1</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/redo_setup.py" line="80" />
        <source>Tạo cặp khóa mới cho đơn vị</source>
        <translation>Make a new key pair for the unit</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/redo_setup.py" line="84" />
        <source>Dùng khi nghi mật khẩu hoặc khóa bị lộ. Khóa cũ vẫn được giữ để các gói đã gửi vẫn kiểm tra được; gói xuất tiếp theo được ký bằng khóa cũ và báo cho cấp trên biết khóa mới.</source>
        <translation>Use this if the password or the key may have been exposed. The old key is kept so packages already sent can still be verified; the next export is signed with the old key and tells the upper office about the new one.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/redo_setup.py" line="87" />
        <source>Khóa của cấp trên đang dùng: %1</source>
        <translation>Upper office key in use: %1</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/redo_setup.py" line="91" />
        <source>Chọn tệp khóa của cấp trên…</source>
        <translation>Choose the upper office's key file…</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/redo_setup.py" line="93" />
        <source>Bỏ chọn</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/redo_setup.py" line="116" />
        <source>Không đọc được tệp khóa. Hãy kiểm tra USB rồi chọn lại tệp.</source>
        <translation>Could not read the key file. Check the USB stick and choose the file again.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/redo_setup.py" line="123" />
        <source>Sẽ dùng khóa mới của cấp trên: %1 (%2) — mã vân tay %3. Hãy đối chiếu với bản giấy.</source>
        <translation>Will use the upper office's new key: %1 (%2) — fingerprint %3. Compare it with the paper copy.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/redo_setup.py" line="129" />
        <source>Chọn tệp khóa của cấp trên</source>
        <translation>Choose the upper office's key file</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/redo_setup.py" line="130" />
        <source>Tệp khóa ANTQ (*.antqkey)</source>
        <translation>ANTQ key files (*.antqkey)</translation>
    </message>
</context>
<context>
    <name>RedoOfficerPage</name>
    <message>
        <location filename="../../src/antq_desktop/ui/redo_setup.py" line="55" />
        <source>Cán bộ quản trị</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/redo_setup.py" line="56" />
        <source>Họ tên in trên thanh trạng thái và ghi trong nhật ký. Tên đăng nhập và mật khẩu đổi ở trang Tài khoản.</source>
        <translation>The full name shown in the status bar and recorded in the audit log. The user name and password are changed on the Accounts page.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/redo_setup.py" line="62" />
        <source>Họ và tên cán bộ:</source>
        <translation>Officer's full name:</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/redo_setup.py" line="63" />
        <source>Tên đăng nhập:</source>
        <translation>User name:</translation>
    </message>
</context>
<context>
    <name>RedoSetupWizard</name>
    <message>
        <location filename="../../src/antq_desktop/ui/redo_setup.py" line="215" />
        <source>Thiết lập lại đơn vị — ANTQ Desktop</source>
        <translation>Redo unit setup — ANTQ Desktop</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/redo_setup.py" line="218" />
        <source>Tiếp theo &gt;</source>
        <translation>Next &gt;</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/redo_setup.py" line="219" />
        <source>&lt; Quay lại</source>
        <translation>&lt; Back</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/redo_setup.py" line="220" />
        <source>Hoàn tất</source>
        <translation>Finish</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/redo_setup.py" line="221" />
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/redo_setup.py" line="225" />
        <location filename="../../src/antq_desktop/ui/redo_setup.py" line="291" />
        <source>Thiết lập lại đơn vị</source>
        <translation>Set up the unit again</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/redo_setup.py" line="226" />
        <source>Các trang đã điền sẵn thiết lập hiện tại; chỉ sửa những gì cần đổi. Chưa có gì được lưu cho đến khi bạn xác nhận ở trang cuối.</source>
        <translation>The pages show the current setup; change only what needs changing. Nothing is saved until you confirm on the last page.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/redo_setup.py" line="258" />
        <source>Cấp: %1 → %2</source>
        <translation>Level: %1 → %2</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/redo_setup.py" line="261" />
        <source>Đơn vị: %1 (%2) → %3 (%4)</source>
        <translation>Unit: %1 (%2) → %3 (%4)</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/redo_setup.py" line="264" />
        <source>Tạo cặp khóa mới cho đơn vị mới (tệp khóa cũ mang mã đơn vị cũ).</source>
        <translation>Make a new key pair for the new unit (the old key file names the old unit).</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/redo_setup.py" line="266" />
        <source>Tạo cặp khóa mới cho đơn vị.</source>
        <translation>Make a new key pair for the unit.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/redo_setup.py" line="268" />
        <source>Họ tên cán bộ: %1 → %2</source>
        <translation>Officer's name: %1 → %2</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/redo_setup.py" line="285" />
        <source>Đã lưu thiết lập đơn vị.</source>
        <translation>Unit setup saved.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/redo_setup.py" line="292" />
        <source>Chỉ quản trị viên đã đăng nhập mới được thiết lập lại đơn vị. Hãy nhờ quản trị viên.</source>
        <translation>Only a signed-in administrator can redo the unit setup. Ask an administrator.</translation>
    </message>
</context>
<context>
    <name>RevokeDialog</name>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/trust_page.py" line="85" />
        <source>Thu hồi khóa</source>
        <translation>Revoke key</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/trust_page.py" line="91" />
        <source>Khóa bị lộ từ ngày</source>
        <translation>Key exposed since</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/trust_page.py" line="92" />
        <source>Để trống: thu hồi cả mọi khóa do khóa này đã thông báo. Có ngày: giữ các khóa đơn vị đã thông báo trước ngày đó.</source>
        <translation>Left blank: also revoke every key this key has announced. With a date: keep the keys the unit announced before that date.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/trust_page.py" line="100" />
        <source>Lý do:</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/trust_page.py" line="101" />
        <source>Khóa bị lộ từ ngày:</source>
        <translation>Key exposed since:</translation>
    </message>
</context>
<context>
    <name>RolePage</name>
    <message>
        <location filename="../../src/antq_desktop/ui/setup_wizard.py" line="49" />
        <source>Công an xã, phường, đặc khu: quản lý khu dân cư, hộ gia đình, cam kết, đăng ký, tự đánh giá và gửi dữ liệu lên cấp trên.</source>
        <translation>Commune, ward or special-zone police: manage residential areas, households, pledges, registrations, self-assessments, and send data to the upper office.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/setup_wizard.py" line="51" />
        <source>Đơn vị cấp trên (cụm, khu vực) có mã riêng: nhận, kiểm tra và tổng hợp dữ liệu của các xã.</source>
        <translation>Upper office (cluster or area) with its own code: receives, checks and consolidates the communes' data.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/setup_wizard.py" line="53" />
        <source>Công an cấp tỉnh: nhận và tổng hợp dữ liệu của toàn tỉnh.</source>
        <translation>Provincial police: receives and consolidates the whole province's data.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/setup_wizard.py" line="60" />
        <source>Chào mừng đến với ANTQ Desktop</source>
        <translation>Welcome to ANTQ Desktop</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/setup_wizard.py" line="61" />
        <source>Máy tính này dùng cho đơn vị nào? Thiết lập này chỉ làm một lần.</source>
        <translation>Which unit is this computer for? This setup is done only once.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/setup_wizard.py" line="64" />
        <source>Công an cấp xã (xã, phường, đặc khu)</source>
        <translation>Commune police (commune, ward, special zone)</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/setup_wizard.py" line="65" />
        <source>Cấp trên: cụm, khu vực (có mã đơn vị riêng)</source>
        <translation>Upper office: cluster or area (with its own unit code)</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/setup_wizard.py" line="66" />
        <source>Cấp trên: Công an cấp tỉnh</source>
        <translation>Upper office: provincial police</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/settings_page.py" line="70" />
        <source>&lt;h2&gt;Cài đặt&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Settings&lt;/h2&gt;</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/settings_page.py" line="91" />
        <source>Đơn vị sử dụng</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/settings_page.py" line="94" />
        <source>Cấp</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/settings_page.py" line="95" />
        <source>Tên đơn vị</source>
        <translation>Unit name</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/settings_page.py" line="96" />
        <source>Mã đơn vị</source>
        <translation>Unit code</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/settings_page.py" line="98" />
        <source>Tỉnh, thành phố</source>
        <translation>Province</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/settings_page.py" line="99" />
        <source>Thông tin đơn vị được đặt khi thiết lập ban đầu; quản trị viên đổi bằng nút “Thiết lập lại đơn vị…” ở mục Quản trị.</source>
        <translation>The unit is set during the initial setup; an administrator changes it with the “Redo unit setup…” button under Administration.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/settings_page.py" line="107" />
        <source>Quy định và mẫu biểu đang dùng</source>
        <translation>Regulations and forms in use</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/settings_page.py" line="110" />
        <source>Bộ tiêu chí</source>
        <translation>Criteria catalogue</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/settings_page.py" line="111" />
        <source>Tên</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/settings_page.py" line="112" />
        <source>Căn cứ</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/settings_page.py" line="114" />
        <source>Lưu ý</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/settings_page.py" line="119" />
        <source>phiên bản %1</source>
        <translation>version %1</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/settings_page.py" line="122" />
        <source>Mẫu biểu</source>
        <translation>Forms</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/settings_page.py" line="126" />
        <source>Dữ liệu</source>
        <translation>Data</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/settings_page.py" line="130" />
        <source>Thư mục dữ liệu</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/settings_page.py" line="131" />
        <source>Tệp cơ sở dữ liệu</source>
        <translation>Database file</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/settings_page.py" line="132" />
        <source>Mở thư mục dữ liệu</source>
        <translation>Open data folder</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/settings_page.py" line="145" />
        <source>Ngôn ngữ giao diện</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/settings_page.py" line="152" />
        <source>Áp dụng từ lần mở chương trình tiếp theo.</source>
        <translation>Takes effect the next time the program starts.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/settings_page.py" line="159" />
        <source>Đã lưu. Hãy đóng và mở lại chương trình để đổi ngôn ngữ.</source>
        <translation>Saved. Close and reopen the program to switch language.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/settings_page.py" line="163" />
        <location filename="../../src/antq_desktop/ui/pages/settings_page.py" line="223" />
        <source>Khóa ký và mã hóa gói dữ liệu</source>
        <translation>Signing and encryption keys</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/settings_page.py" line="164" />
        <source>Sao lưu và khôi phục</source>
        <translation>Backup and restore</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/settings_page.py" line="165" />
        <source>Tài khoản người dùng</source>
        <translation>User accounts</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/settings_page.py" line="174" />
        <source>Có ở trang “%1” trong cột bên trái.</source>
        <translation>See the “%1” page in the left column.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/settings_page.py" line="175" />
        <source>Sẽ có trong phiên bản tới.</source>
        <translation>Coming in the next version.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/settings_page.py" line="184" />
        <source>Quản trị</source>
        <translation>Administration</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/settings_page.py" line="186" />
        <source>Thiết lập lại đơn vị…</source>
        <translation>Set up the unit again…</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/settings_page.py" line="188" />
        <source>Chạy lại trình thiết lập (chỉ quản trị viên): họ tên cán bộ, khóa của đơn vị và của cấp trên; đổi đơn vị khi tệp dữ liệu chưa có dữ liệu</source>
        <translation>Run the setup again (administrators only): officer's name, this unit's and the upper office's keys; change the unit while the data file holds no data</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/settings_page.py" line="218" />
        <source>Có ở trang “Gửi – nhận dữ liệu”.</source>
        <translation>On the “Send – receive data” page.</translation>
    </message>
    <message>
        <source>phiên bản</source>
        <translation>version</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../src/antq_desktop/ui/setup_wizard.py" line="357" />
        <source>Thiết lập ban đầu — ANTQ Desktop</source>
        <translation>First-time setup — ANTQ Desktop</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/setup_wizard.py" line="360" />
        <source>Tiếp theo &gt;</source>
        <translation>Next &gt;</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/setup_wizard.py" line="361" />
        <source>&lt; Quay lại</source>
        <translation>&lt; Back</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/setup_wizard.py" line="362" />
        <source>Hoàn tất</source>
        <translation>Finish</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/setup_wizard.py" line="363" />
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>SubjectDialog</name>
    <message>
        <location filename="../../src/antq_desktop/ui/dialogs/bulk_dialogs.py" line="90" />
        <source>Tự đánh giá mới — chọn đối tượng</source>
        <translation>New self-assessment — choose the subject</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/dialogs/bulk_dialogs.py" line="100" />
        <source>Đối tượng:</source>
        <translation>Subject:</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/dialogs/bulk_dialogs.py" line="101" />
        <source>Khu dân cư:</source>
        <translation>Residential area:</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/dialogs/bulk_dialogs.py" line="102" />
        <source>Đơn vị:</source>
        <translation>Unit:</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/dialogs/bulk_dialogs.py" line="104" />
        <source>Tiếp tục</source>
        <translation>Continue</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/dialogs/bulk_dialogs.py" line="105" />
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>TrustPage</name>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/trust_page.py" line="42" />
        <source>Đăng ký tại đơn vị</source>
        <translation>Enrolled here</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/trust_page.py" line="42" />
        <source>Thay khóa (xã thông báo)</source>
        <translation>Replacement (announced by the commune)</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/trust_page.py" line="43" />
        <source>Khóa cấp trên</source>
        <translation>Upper office key</translation>
    </message>
    <message>
        <source>Được cấp dưới bảo lãnh</source>
        <translation>Vouched for by a lower office</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/trust_page.py" line="44" />
        <source>Do %1 bảo lãnh</source>
        <translation>Vouched for by %1</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/trust_page.py" line="45" />
        <source>Xã/phường</source>
        <translation>Commune/ward</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/trust_page.py" line="45" />
        <source>Cụm/huyện</source>
        <translation>Cluster/district</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/trust_page.py" line="46" />
        <source>Tỉnh</source>
        <translation>Province</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/trust_page.py" line="48" />
        <source>Xã/phường (gửi gói dữ liệu của xã)</source>
        <translation>Commune/ward (sends the commune's data packages)</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/trust_page.py" line="49" />
        <source>Công an cụm/huyện (gửi gói chuyển tiếp)</source>
        <translation>Cluster/district police (sends forwarded packages)</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/trust_page.py" line="50" />
        <source>tệp khóa kiểu cũ — mã vân tay không bao gồm đơn vị và vai trò</source>
        <translation>old-style key file — the fingerprint does not cover the unit and role</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/trust_page.py" line="51" />
        <source>Mã đơn vị</source>
        <translation>Unit code</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/trust_page.py" line="51" />
        <source>Tên đơn vị</source>
        <translation>Unit name</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/trust_page.py" line="51" />
        <source>Mã vân tay</source>
        <translation>Fingerprint</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/trust_page.py" line="52" />
        <source>Nguồn</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/trust_page.py" line="52" />
        <source>Ngày đăng ký</source>
        <translation>Registered on</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/trust_page.py" line="52" />
        <source>Cấp</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/trust_page.py" line="53" />
        <source>Người đăng ký</source>
        <translation>Enrolled by</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/trust_page.py" line="53" />
        <source>Tình trạng</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/trust_page.py" line="122" />
        <source>Đăng ký khóa từ tệp…</source>
        <translation>Enrol a key from a file…</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/trust_page.py" line="124" />
        <source>Thu hồi khóa…</source>
        <translation>Revoke key…</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/trust_page.py" line="126" />
        <source>Địa bàn cụm…</source>
        <translation>Cluster area…</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/trust_page.py" line="128" />
        <source>Gửi gói khôi phục cho xã…</source>
        <translation>Send a recovery package to the commune…</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/trust_page.py" line="134" />
        <source>Làm mới</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/trust_page.py" line="143" />
        <source>Chỉ đăng ký khóa khi mã vân tay trùng với bản giấy có chữ ký, đóng dấu của xã gửi. Gói dữ liệu chỉ được nhận khi do một khóa còn hiệu lực ở đây ký.</source>
        <translation>Enrol a key only when its fingerprint matches the signed and stamped paper copy from the commune. Packages are accepted only when signed by a key that is valid here.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/trust_page.py" line="146" />
        <source>Khóa tin cậy của các xã</source>
        <translation>Trusted keys of the communes</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/trust_page.py" line="177" />
        <source>Khóa tin cậy</source>
        <translation>Trusted keys</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/trust_page.py" line="189" />
        <source>Đang tải danh sách khóa…</source>
        <translation>Loading the key list…</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/trust_page.py" line="204" />
        <source>Không tải được danh sách khóa: %1. Hãy bấm “Làm mới” để thử lại; nếu vẫn lỗi, hãy báo cán bộ kỹ thuật (Trợ giúp → Giới thiệu → Nhật ký lỗi).</source>
        <translation>Could not load the key list: %1. Press “Refresh” to try again; if it still fails, tell the technical staff (Help → About → Error log).</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/trust_page.py" line="225" />
        <source>Đã thu hồi %1</source>
        <translation>Revoked %1</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/trust_page.py" line="315" />
        <source>Gửi gói khôi phục cho xã</source>
        <translation>Send a recovery package to the commune</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/trust_page.py" line="316" />
        <source>Hãy chọn trong danh sách khóa của xã cần gửi gói khôi phục.</source>
        <translation>Choose, in the list of keys, the commune to send the recovery package to.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/trust_page.py" line="222" />
        <source>Thu hồi — do %1 báo lên, ngày %2</source>
        <translation>Revoked — reported by %1, on %2</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/trust_page.py" line="226" />
        <source>Còn hiệu lực</source>
        <translation>Valid</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/trust_page.py" line="230" />
        <source>Chọn tệp khóa công khai của xã</source>
        <translation>Choose the commune's public key file</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/trust_page.py" line="231" />
        <source>Tệp khóa (*.antqkey)</source>
        <translation>Key files (*.antqkey)</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/trust_page.py" line="239" />
        <source>Không đọc được tệp khóa. Hãy kiểm tra USB rồi thử lại.</source>
        <translation>Could not read the key file. Check the USB stick and try again.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/trust_page.py" line="241" />
        <source>Đơn vị: %1 (mã %2)
Mã vân tay: %3

Mã vân tay này có trùng với bản giấy có chữ ký, đóng dấu của đơn vị gửi không? Chỉ bấm “Có” khi đã đối chiếu từng ký tự.</source>
        <translation>Unit: %1 (code %2)
Fingerprint: %3

Does this fingerprint match the signed and stamped paper copy from the sending unit? Press “Yes” only after comparing every character.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/trust_page.py" line="245" />
        <source>Đăng ký khóa tin cậy</source>
        <translation>Enrol trusted key</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/trust_page.py" line="262" />
        <source>Đơn vị %1 được đăng ký ở đây với cấp nào? (Tệp khóa tự ghi: %2. Cấp do đơn vị nhận quyết định; chỉ chọn cụm/huyện khi đã xác minh đó là cơ quan cấp dưới của mình.)</source>
        <translation>At what level is unit %1 enrolled here? (The key file states: %2. The receiving unit decides the level; choose cluster/district only after verifying it is one of your lower offices.)</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/trust_page.py" line="265" />
        <source>Cấp của đơn vị</source>
        <translation>Unit's level</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/trust_page.py" line="275" />
        <source>Địa bàn của %1</source>
        <translation>Area of %1</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/trust_page.py" line="276" />
        <source>Mã các xã thuộc địa bàn của %1, cách nhau bằng dấu phẩy. Cơ quan này chỉ được bảo lãnh khóa cho các xã này trong gói chuyển tiếp:</source>
        <translation>Codes of the communes in the area of %1, separated by commas. This office may vouch for keys only of these communes in forwarded packages:</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/trust_page.py" line="284" />
        <source>Địa bàn cụm</source>
        <translation>Cluster area</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/trust_page.py" line="285" />
        <source>Hãy chọn trong danh sách một khóa của công an cụm/huyện.</source>
        <translation>Select a key of a cluster/district police office in the list.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/trust_page.py" line="295" />
        <location filename="../../src/antq_desktop/ui/pages/trust_page.py" line="306" />
        <source>Thu hồi khóa</source>
        <translation>Revoke key</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/trust_page.py" line="295" />
        <source>Hãy chọn một khóa trong danh sách.</source>
        <translation>Select a key in the list.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/trust_page.py" line="298" />
        <source>Thu hồi khóa của %1 (%2)? Các gói do khóa này ký sẽ bị từ chối.</source>
        <translation>Revoke the key of %1 (%2)? Packages signed by this key will be refused.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/trust_page.py" line="307" />
        <source>Cũng đã thu hồi các khóa do khóa này thông báo (kẻ giữ khóa cũ có thể đã tự thông báo khóa mới):
%1</source>
        <translation>The keys announced by this key were also revoked (whoever holds the old key may have announced a new key themselves):
%1</translation>
    </message>
    <message>
        <source>Thu hồi khóa của %1 (%2)? Các gói do khóa này ký sẽ bị từ chối. Lý do:</source>
        <translation>Revoke the key of %1 (%2)? Packages signed by this key will be refused. Reason:</translation>
    </message>
</context>
<context>
    <name>UnitPage</name>
    <message>
        <location filename="../../src/antq_desktop/ui/setup_wizard.py" line="177" />
        <source>Đơn vị của bạn</source>
        <translation>Your unit</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/setup_wizard.py" line="186" />
        <source>ví dụ: CUM-01</source>
        <translation>e.g. CUM-01</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/setup_wizard.py" line="189" />
        <source>ví dụ: Cụm công an khu vực 1</source>
        <translation>e.g. Area police cluster 1</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/setup_wizard.py" line="190" />
        <source>Mã đơn vị:</source>
        <translation>Unit code:</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/setup_wizard.py" line="191" />
        <source>Tên đơn vị:</source>
        <translation>Unit name:</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/setup_wizard.py" line="199" />
        <source>Tỉnh, thành phố:</source>
        <translation>Province:</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/setup_wizard.py" line="213" />
        <source>Chọn tỉnh, thành phố rồi chọn xã, phường theo danh mục đơn vị hành chính mới.</source>
        <translation>Choose the province, then the commune or ward from the new administrative units catalogue.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/setup_wizard.py" line="214" />
        <source>Nhập mã và tên đơn vị cấp trên theo quy định của Công an tỉnh.</source>
        <translation>Enter the upper office's code and name as set by the provincial police.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/setup_wizard.py" line="215" />
        <source>Chọn tỉnh, thành phố của đơn vị.</source>
        <translation>Choose the unit's province.</translation>
    </message>
</context>
<context>
    <name>UserGuideDialog</name>
    <message>
        <location filename="../../src/antq_desktop/ui/help.py" line="31" />
        <source>Hướng dẫn sử dụng</source>
        <translation>User guide</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/help.py" line="43" />
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/users_page.py" line="200" />
        <source>Nhập mật khẩu của chính bạn để cấp khóa của đơn vị cho tài khoản này (tài khoản sẽ mở khóa bằng mật khẩu của nó).</source>
        <translation>Enter your own password to give this account the unit's keys (it will open them with its own password).</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/users_page.py" line="203" />
        <source>Đã hủy: chưa có gì thay đổi.</source>
        <translation>Cancelled: nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/users_page.py" line="96" />
        <source>&lt;h2&gt;Tài khoản&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Accounts&lt;/h2&gt;</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/users_page.py" line="119" />
        <source>Thêm tài khoản…</source>
        <translation>Add account…</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/users_page.py" line="119" />
        <source>Đổi vai trò…</source>
        <translation>Change role…</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/users_page.py" line="120" />
        <source>Khóa / mở khóa</source>
        <translation>Lock / unlock</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/users_page.py" line="121" />
        <source>Đặt lại mật khẩu…</source>
        <translation>Reset password…</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/users_page.py" line="122" />
        <source>Đổi mật khẩu của tôi…</source>
        <translation>Change my password…</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/users_page.py" line="133" />
        <source>Tự khóa màn hình sau (phút, 0 = không khóa):</source>
        <translation>Lock the screen after (minutes, 0 = never):</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/users_page.py" line="147" />
        <source>Đã khóa</source>
        <translation>Locked</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/users_page.py" line="148" />
        <source>Tạm khóa (đăng nhập sai)</source>
        <translation>Temporarily locked (wrong sign-ins)</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/users_page.py" line="148" />
        <source>Hoạt động</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/users_page.py" line="176" />
        <source>Đã tạo tài khoản %1.</source>
        <translation>Account %1 created.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/users_page.py" line="180" />
        <source>Đã đổi vai trò của %1.</source>
        <translation>The role of %1 has been changed.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/users_page.py" line="183" />
        <source>Đã khóa tài khoản %1.</source>
        <translation>Account %1 locked.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/users_page.py" line="183" />
        <source>Đã mở khóa tài khoản %1.</source>
        <translation>Account %1 unlocked.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/users_page.py" line="190" />
        <source>Đã đặt lại mật khẩu của %1.</source>
        <translation>The password of %1 has been reset.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/users_page.py" line="209" />
        <source>Đã đổi mật khẩu của bạn.</source>
        <translation>Your password has been changed.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/users_page.py" line="215" />
        <source>Đã lưu thời gian tự khóa (áp dụng từ lần đăng nhập sau).</source>
        <translation>Auto-lock time saved (applies from the next sign-in).</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/users_page.py" line="221" />
        <source>Hai lần nhập mật khẩu không khớp. Chưa có gì thay đổi.</source>
        <translation>The two passwords do not match. Nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/users_page.py" line="236" />
        <source>Hãy chọn một tài khoản trong danh sách.</source>
        <translation>Choose an account in the list.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/users_page.py" line="244" />
        <source>Đổi vai trò</source>
        <translation>Change role</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/users_page.py" line="244" />
        <source>Vai trò mới của %1:</source>
        <translation>New role for %1:</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/users_page.py" line="254" />
        <source>Mở khóa</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/users_page.py" line="254" />
        <source>Khóa</source>
        <translation>Lock</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/users_page.py" line="255" />
        <source>%1 tài khoản %2?</source>
        <translation>%1 account %2?</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/users_page.py" line="256" />
        <source>Xác nhận</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/users_page.py" line="263" />
        <source>Đặt lại mật khẩu cho %1</source>
        <translation>Reset the password of %1</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/users_page.py" line="271" />
        <source>Đổi mật khẩu của tôi</source>
        <translation>Change my password</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/users_page.py" line="35" />
        <source>Tên đăng nhập</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/users_page.py" line="35" />
        <source>Họ tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/users_page.py" line="35" />
        <source>Vai trò</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/users_page.py" line="36" />
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>_Cover</name>
    <message>
        <location filename="../../src/antq_desktop/ui/idle_lock.py" line="44" />
        <source>Đã khóa màn hình. Nhập mật khẩu để tiếp tục.</source>
        <translation>The screen is locked. Enter your password to continue.</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <source>Mật khẩu mở khóa</source>
        <translation>Key password</translation>
    </message>
    <message>
        <source>Nhập mật khẩu của bạn (tài khoản đang đăng nhập mở khóa của đơn vị):</source>
        <translation>Enter your password (the signed-in account opens the unit's keys):</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/widgets/keys_box.py" line="50" />
        <source>Không đọc được tệp</source>
        <translation>Could not read the file</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/widgets/keys_box.py" line="51" />
        <source>Không đọc được tệp khóa. Hãy kiểm tra USB rồi chọn lại tệp.</source>
        <translation>Could not read the key file. Check the USB stick and choose the file again.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/print_page.py" line="290" />
        <source>Đang tạo bản in…</source>
        <translation>Creating the printout…</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/pages/print_page.py" line="303" />
        <source>Không tạo được bản in</source>
        <translation>Could not create the printout</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/widgets/receipt_offer.py" line="27" />
        <source>Chưa lập được biên nhận</source>
        <translation>Receipt not made</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/widgets/receipt_offer.py" line="30" />
        <source>Không ghi được tệp</source>
        <translation>Could not write the file</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/widgets/receipt_offer.py" line="31" />
        <source>Không ghi được tệp biên nhận. Hãy kiểm tra USB hoặc thư mục rồi thử lại.</source>
        <translation>Could not write the receipt file. Check the USB stick or folder and try again.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/widgets/receipt_offer.py" line="40" />
        <source>Lập biên nhận</source>
        <translation>Make receipt</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/widgets/receipt_offer.py" line="41" />
        <source>Đã hợp nhất {0} gói. Lập biên nhận có ký số để gửi lại đơn vị gửi (họ dùng nó để đối chiếu số liệu)?</source>
        <translation>Merged {0} package(s). Make a signed receipt to send back to the sender (they use it to check the figures)?</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/widgets/receipt_offer.py" line="45" />
        <source>Lưu biên nhận</source>
        <translation>Save receipt</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/widgets/receipt_offer.py" line="46" />
        <source>Biên nhận ANTQ (*.antqrcpt)</source>
        <translation>ANTQ receipts (*.antqrcpt)</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/widgets/receipt_offer.py" line="51" />
        <source>Đã lập biên nhận</source>
        <translation>Receipt made</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/widgets/receipt_offer.py" line="52" />
        <source>Đã lưu biên nhận. Hãy chép tệp vào USB và gửi lại cho đơn vị gửi.</source>
        <translation>Receipt saved. Copy the file to a USB stick and give it back to the sending unit.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/widgets/recovery_box.py" line="152" />
        <source>Gửi cho %1 (%2) gói khôi phục: toàn bộ dữ liệu của xã như đơn vị này đang giữ, mã hóa cho khóa còn hiệu lực của xã. Dùng khi xã mất máy hoặc đã khôi phục bản sao lưu cũ. Tiếp tục?</source>
        <translation>Send %1 (%2) a recovery package: all of the commune's data as this office holds it, encrypted to the commune's valid key. Use it when the commune lost its laptop or restored an old backup. Continue?</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/widgets/recovery_box.py" line="154" />
        <location filename="../../src/antq_desktop/ui/widgets/recovery_box.py" line="178" />
        <source>Gửi gói khôi phục cho xã</source>
        <translation>Send a recovery package to the commune</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/widgets/recovery_box.py" line="158" />
        <source>Lưu gói khôi phục</source>
        <translation>Save the recovery package</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/widgets/recovery_box.py" line="159" />
        <source>Gói dữ liệu ANTQ (*.antq)</source>
        <translation>ANTQ data packages (*.antq)</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/widgets/recovery_box.py" line="169" />
        <source>Đang tạo gói khôi phục cho xã</source>
        <translation>Writing the recovery package for the commune</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/widgets/recovery_box.py" line="171" />
        <source>Không tạo được gói khôi phục</source>
        <translation>The recovery package could not be made</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/widgets/recovery_box.py" line="173" />
        <source>Đã hủy tạo gói khôi phục: không có tệp nào được tạo.</source>
        <translation>Recovery package cancelled: no file was written.</translation>
    </message>
    <message>
        <location filename="../../src/antq_desktop/ui/widgets/recovery_box.py" line="179" />
        <source>Đã tạo gói khôi phục số %1 cho %2: %3 bản ghi. Chép tệp cho xã; ở xã, trên trang Gửi – nhận dữ liệu bấm “Nhận dữ liệu khôi phục…”, xem trước rồi nhận.</source>
        <translation>Recovery package number %1 for %2 made: %3 records. Copy the file for the commune; there, on the Send – receive data page, press “Take in recovery data…”, preview it, then take it in.</translation>
    </message>
</context>
</TS>