/**
 * The commune-level units of the new Hải Phòng from 01/07/2025 and the units each was formed
 * from. Data, transcribed from the sources below; communes.ts turns it into units.
 *
 * Sources
 * - The arrangement: Nghị quyết 1669/NQ-UBTVQH15 (16/6/2025) of the Standing Committee of the
 *   National Assembly, "sắp xếp các đơn vị hành chính cấp xã của thành phố Hải Phòng năm 2025",
 *   in force 01/07/2025, on the basis of the Government's Đề án 381/ĐA-CP (09/5/2025): 114 units,
 *   45 phường, 67 xã, 2 đặc khu. Text as published: NQ_1669_TEXT_URL.
 * - Codes, names and levels of the 114 units: the GSO codes of the 2025 list, as shipped by the
 *   public dataset GSO_DATASET_URL (file postgresql/postgres_ImportData_vn_units.sql, wards of
 *   province 31). The count 45 / 67 / 2 was checked against that file.
 * - The units each new unit was formed from ("trước sáp nhập"): the same repository's copy of the
 *   national map service's list (dataset-generation-scripts/resources/gis/bando_gisserver/wards.json,
 *   field `truocsn`), which follows the resolution's wording. Where the resolution says a unit went
 *   only in part to a new unit, that list names it under each new unit that received a part, without
 *   saying which got the rest; qualifiers such as "(huyện Tiên Lãng)" are the resolution's own.
 * - For the 50 units of former Hải Phòng, the former district each was formed in: the city's plan as
 *   reported by HP_PLAN_URL (names as adopted, except the plan's "Vĩnh An", adopted as "Vĩnh Am").
 *
 * What the sources do not give, and how it is filled (rules, not facts):
 * - One unit named under several new units: the principal successor (the one its history rolls up
 *   to) is the new unit with its own name if there is one, otherwise the first listed here (the
 *   source's order). The others are listed as successors that received part of it.
 * - The district of a former Hải Phòng commune: the district of its principal successor.
 * - Former Hải Dương's districts are not modelled: its communes sit under the province.
 * - Units merged or renamed on 01/01/2025 (NQ 1232/NQ-UBTVQH15 for Hải Phòng; the Hải Dương
 *   arrangement of the same period) are not modelled: the units listed here are those in existence
 *   on 30/06/2025, valid from the modelled floor (or from 01/01/2025 under the new TP Thủy Nguyên and
 *   quận An Dương).
 */

export const NQ_1669_TEXT_URL =
  'https://nghean24h.vn/tp-hai-phong-co-114-dvhc-cap-xa-gom-67-xa-45-phuong-va-2-dac-khu-sau-khi-sap-xep-a754164.html';
export const GSO_DATASET_URL = 'https://github.com/ThangLeQuoc/vietnamese-provinces-database';
export const HP_PLAN_URL = 'https://danviet.vn/ten-goi-cua-50-don-vi-hanh-chinh-cap-xa-sau-sap-xep-o-hai-phong-d1328339.html';

export type NewLevel = 'phường' | 'xã' | 'đặc khu';

/**
 * [GSO code, level, name, former Hải Phòng district it was formed in (null: former Hải Dương),
 *  units it was formed from as the source writes them].
 */
export type NewUnitRow = readonly [code: string, level: NewLevel, name: string, district: string | null, formedFrom: readonly string[]];

export const HAI_PHONG_2025: readonly NewUnitRow[] = [
  ['10660', 'phường', 'Ái Quốc', null, ['Phường Ái Quốc', 'Xã Quyết Thắng', 'Xã Hồng Lạc']],
  ['11407', 'phường', 'An Biên', 'HP.Q.LECHAN', ['Phường An Dương', 'Phường An Biên', 'Phường Trần Nguyên Hãn', 'Phường Vĩnh Niệm']],
  ['11581', 'phường', 'An Dương', 'HP.Q.ANDUONG', ['Phường Nam Sơn (quận An Dương)', 'Phường An Hải', 'Phường Lê Lợi', 'Phường Đồng Thái', 'Phường Tân Tiến', 'Phường An Hưng']],
  ['11617', 'phường', 'An Hải', 'HP.Q.ANDUONG', ['Phường An Đồng', 'Phường Hồng Thái', 'Phường Lê Lợi', 'Phường An Hải', 'Phường Đồng Thái']],
  ['11674', 'xã', 'An Hưng', 'HP.H.ANLAO', ['Xã An Thái', 'Xã An Thọ', 'Xã Chiến Thắng']],
  ['11668', 'xã', 'An Khánh', 'HP.H.ANLAO', ['Xã Tân Viên', 'Xã Mỹ Đức', 'Xã Thái Sơn']],
  ['11629', 'xã', 'An Lão', 'HP.H.ANLAO', ['Thị trấn An Lão', 'Xã An Thắng', 'Xã Tân Dân', 'Xã An Tiến', 'Thị trấn Trường Sơn', 'Xã Thái Sơn']],
  ['11593', 'phường', 'An Phong', 'HP.Q.ANDUONG', ['Phường An Hòa', 'Phường Hồng Phong', 'Phường Đại Bản', 'Phường Lê Thiện', 'Phường Tân Tiến', 'Phường Lê Lợi']],
  ['10645', 'xã', 'An Phú', null, ['Xã An Bình', 'Xã An Phú', 'Xã Cộng Hòa']],
  ['11647', 'xã', 'An Quang', 'HP.H.ANLAO', ['Xã Quốc Tuấn', 'Xã Quang Trung (huyện An Lão)', 'Xã Quang Hưng']],
  ['10792', 'xã', 'An Thành', null, ['Xã Ngũ Phúc (huyện Kim Thành)', 'Xã Kim Tân', 'Xã Kim Đính']],
  ['11635', 'xã', 'An Trường', 'HP.H.ANLAO', ['Xã Bát Trang', 'Xã Trường Thọ', 'Xã Trường Thành']],
  ['10678', 'phường', 'Bắc An Phụ', null, ['Phường Thất Hùng', 'Xã Bạch Đằng (thị xã Kinh Môn)', 'Xã Lê Ninh', 'Phường Văn Đức']],
  ['11254', 'xã', 'Bắc Thanh Miện', null, ['Xã Hồng Quang', 'Xã Lam Sơn', 'Xã Lê Hồng']],
  ['11473', 'phường', 'Bạch Đằng', 'HP.TP.THUYNGUYEN', ['Phường Minh Đức', 'Xã Bạch Đằng (thành phố Thủy Nguyên)', 'Phường Phạm Ngũ Lão']],
  ['11948', 'đặc khu', 'Bạch Long Vĩ', 'HP.H.BACHLONGVI', ['Huyện Bạch Long Vĩ']],
  ['10966', 'xã', 'Bình Giang', null, ['Xã Tân Việt (huyện Bình Giang)', 'Xã Long Xuyên', 'Xã Hồng Khê', 'Xã Cổ Bì', 'Xã Vĩnh Hồng']],
  ['10888', 'xã', 'Cẩm Giang', null, ['Thị trấn Cẩm Giang', 'Xã Định Sơn', 'Xã Cẩm Hoàng']],
  ['10903', 'xã', 'Cẩm Giàng', null, ['Xã Lương Điền', 'Xã Ngọc Liên', 'Xã Cẩm Hưng', 'Xã Phúc Điền']],
  ['11914', 'đặc khu', 'Cát Hải', 'HP.H.CATHAI', ['Thị trấn Cát Hải', 'Thị trấn Cát Bà', 'Xã Đồng Bài', 'Xã Hoàng Châu', 'Xã Nghĩa Lộ', 'Xã Văn Phong', 'Xã Gia Luận', 'Xã Hiền Hào', 'Xã Phù Long', 'Xã Trân Châu', 'Xã Việt Hải', 'Xã Xuân Đám']],
  ['11806', 'xã', 'Chấn Hưng', 'HP.H.TIENLANG', ['Xã Nam Hưng (huyện Tiên Lãng)', 'Xã Bắc Hưng', 'Xã Đông Hưng', 'Xã Tây Hưng']],
  ['10546', 'phường', 'Chí Linh', null, ['Phường Phả Lại', 'Phường Cổ Thành', 'Xã Nhân Huệ']],
  ['11131', 'xã', 'Chí Minh', null, ['Xã An Thanh', 'Xã Văn Tố', 'Xã Chí Minh']],
  ['10549', 'phường', 'Chu Văn An', null, ['Phường Sao Đỏ', 'Phường Văn An', 'Phường Chí Minh', 'Phường Thái Học', 'Phường Cộng Hòa', 'Phường Văn Đức']],
  ['11086', 'xã', 'Đại Sơn', null, ['Xã Bình Lãng', 'Xã Đại Sơn', 'Xã Thanh Hải', 'Xã Hưng Đạo (huyện Tứ Kỳ)']],
  ['11455', 'phường', 'Đồ Sơn', 'HP.Q.DOSON', ['Phường Hải Sơn', 'Phường Tân Thành', 'Phường Vạn Hương', 'Phường Ngọc Xuyên']],
  ['11411', 'phường', 'Đông Hải', 'HP.Q.HAIAN', ['Phường Đông Hải 1', 'Phường Đông Hải 2', 'Phường Nam Hải']],
  ['10972', 'xã', 'Đường An', null, ['Xã Thúc Kháng', 'Xã Thái Minh', 'Xã Tân Hồng', 'Xã Thái Dương', 'Xã Thái Hòa']],
  ['11692', 'phường', 'Dương Kinh', 'HP.Q.DUONGKINH', ['Phường Hòa Nghĩa', 'Phường Tân Thành', 'Phường Anh Dũng', 'Phường Hải Thành']],
  ['10999', 'xã', 'Gia Lộc', null, ['Xã Gia Tiến', 'Thị trấn Gia Lộc', 'Xã Gia Phúc', 'Xã Yết Kiêu', 'Xã Lê Lợi (huyện Gia Lộc)']],
  ['11050', 'xã', 'Gia Phúc', null, ['Xã Toàn Thắng', 'Xã Hoàng Diệu', 'Xã Hồng Hưng', 'Xã Thống Kênh', 'Xã Đoàn Thượng', 'Xã Quang Đức', 'Thị trấn Gia Lộc', 'Xã Gia Phúc']],
  ['11359', 'phường', 'Gia Viên', 'HP.Q.NGOQUYEN', ['Phường Đằng Giang', 'Phường Cầu Đất', 'Phường Lạch Tray', 'Phường Gia Viên', 'Phường Đông Khê']],
  ['10816', 'xã', 'Hà Bắc', null, ['Xã Tân Việt (huyện Thanh Hà)', 'Xã Cẩm Việt', 'Xã Hồng Lạc']],
  ['10882', 'xã', 'Hà Đông', null, ['Xã Thanh Hồng', 'Xã Vĩnh Cường', 'Xã Thanh Quang']],
  ['10843', 'xã', 'Hà Nam', null, ['Xã Thanh Xuân', 'Xã Liên Mạc', 'Xã Thanh Lang', 'Xã Thanh An', 'Xã Hòa Bình']],
  ['10846', 'xã', 'Hà Tây', null, ['Xã Tân An', 'Xã An Phượng', 'Xã Thanh Hải']],
  ['11413', 'phường', 'Hải An', 'HP.Q.HAIAN', ['Phường Cát Bi', 'Phường Đằng Lâm', 'Phường Thành Tô', 'Phường Đằng Hải', 'Phường Tràng Cát', 'Phường Nam Hải', 'Phường Đông Hải 2']],
  ['10525', 'phường', 'Hải Dương', null, ['Phường Trần Hưng Đạo (thành phố Hải Dương)', 'Phường Nhị Châu', 'Phường Ngọc Châu', 'Phường Quang Trung']],
  ['11257', 'xã', 'Hải Hưng', null, ['Xã Tân Trào (huyện Thanh Miện)', 'Xã Ngô Quyền', 'Xã Đoàn Kết']],
  ['11533', 'phường', 'Hòa Bình', 'HP.TP.THUYNGUYEN', ['Phường Hòa Bình', 'Phường An Lư', 'Phường Thủy Hà']],
  ['11602', 'phường', 'Hồng An', 'HP.Q.HONGBANG', ['Phường Quán Toan', 'Phường An Hồng', 'Phường An Hưng', 'Phường Đại Bản', 'Phường Lê Thiện', 'Phường Tân Tiến']],
  ['11311', 'phường', 'Hồng Bàng', 'HP.Q.HONGBANG', ['Phường Hoàng Văn Thụ', 'Phường Minh Khai', 'Phường Phan Bội Châu', 'Phường Thượng Lý', 'Phường Sở Dầu', 'Phường Hùng Vương', 'Phường Gia Viên']],
  ['11218', 'xã', 'Hồng Châu', null, ['Xã Tân Quang', 'Xã Văn Hội', 'Xã Hưng Long']],
  ['10615', 'xã', 'Hợp Tiến', null, ['Xã Nam Hưng (huyện Nam Sách)', 'Xã Nam Tân', 'Xã Hợp Tiến']],
  ['11689', 'phường', 'Hưng Đạo', 'HP.Q.DUONGKINH', ['Phường Đa Phúc', 'Phường Hưng Đạo', 'Phường Anh Dũng', 'Phường Hải Thành']],
  ['11809', 'xã', 'Hùng Thắng', 'HP.H.TIENLANG', ['Xã Hùng Thắng (huyện Tiên Lãng)', 'Xã Vinh Quang']],
  ['10945', 'xã', 'Kẻ Sặt', null, ['Xã Vĩnh Hưng', 'Xã Hùng Thắng (huyện Bình Giang)', 'Thị trấn Kẻ Sặt', 'Xã Vĩnh Hồng']],
  ['11224', 'xã', 'Khúc Thừa Dụ', null, ['Xã Bình Xuyên', 'Xã Hồng Phong (huyện Ninh Giang)', 'Xã Kiến Phúc']],
  ['11443', 'phường', 'Kiến An', 'HP.Q.KIENAN', ['Phường Nam Sơn (quận Kiến An)', 'Phường Đồng Hòa', 'Phường Bắc Sơn', 'Phường Trần Thành Ngọ', 'Phường Văn Đẩu']],
  ['11749', 'xã', 'Kiến Hải', 'HP.H.KIENTHUY', ['Xã Tân Phong', 'Xã Đại Hợp (huyện Kiến Thụy)', 'Xã Tú Sơn', 'Xã Đoàn Xá']],
  ['11728', 'xã', 'Kiến Hưng', 'HP.H.KIENTHUY', ['Xã Tân Trào (huyện Kiến Thụy)', 'Xã Kiến Hưng', 'Xã Đoàn Xá']],
  ['11725', 'xã', 'Kiến Minh', 'HP.H.KIENTHUY', ['Xã Minh Tân (huyện Kiến Thụy)', 'Xã Đại Đồng', 'Xã Đông Phương']],
  ['11680', 'xã', 'Kiến Thụy', 'HP.H.KIENTHUY', ['Thị trấn Núi Đối', 'Xã Thanh Sơn (huyện Kiến Thụy)', 'Xã Thuận Thiên', 'Xã Hữu Bằng', 'Xã Kiến Hưng']],
  ['10804', 'xã', 'Kim Thành', null, ['Xã Đồng Cẩm', 'Xã Tam Kỳ', 'Xã Đại Đức', 'Xã Hòa Bình']],
  ['10675', 'phường', 'Kinh Môn', null, ['Phường An Lưu', 'Phường Hiệp An', 'Phường Long Xuyên']],
  ['11140', 'xã', 'Lạc Phượng', null, ['Xã Quang Trung (huyện Tứ Kỳ)', 'Xã Lạc Phượng', 'Xã Tiên Động']],
  ['10756', 'xã', 'Lai Khê', null, ['Xã Lai Khê', 'Xã Vũ Dũng', 'Xã Tuấn Việt', 'Xã Cộng Hòa', 'Xã Thanh An', 'Xã Cẩm Việt']],
  ['11383', 'phường', 'Lê Chân', 'HP.Q.LECHAN', ['Phường Hàng Kênh', 'Phường Dư Hàng Kênh', 'Phường Kênh Dương', 'Phường An Biên', 'Phường Trần Nguyên Hãn', 'Phường Vĩnh Niệm', 'Phường Cầu Đất', 'Phường Lạch Tray']],
  ['10603', 'phường', 'Lê Đại Hành', null, ['Phường Tân Dân (thành phố Chí Linh)', 'Phường An Lạc', 'Phường Đồng Lạc']],
  ['11506', 'phường', 'Lê Ích Mộc', 'HP.TP.THUYNGUYEN', ['Phường Quảng Thanh', 'Phường Lê Hồng Phong', 'Xã Quang Trung (thành phố Thủy Nguyên)']],
  ['10532', 'phường', 'Lê Thanh Nghị', null, ['Phường Tân Bình', 'Phường Thanh Bình', 'Phường Lê Thanh Nghị', 'Phường Trần Phú']],
  ['11488', 'phường', 'Lưu Kiếm', 'HP.TP.THUYNGUYEN', ['Phường Trần Hưng Đạo (thành phố Thủy Nguyên)', 'Phường Lưu Kiếm', 'Xã Liên Xuân', 'Xã Quang Trung (thành phố Thủy Nguyên)']],
  ['10930', 'xã', 'Mao Điền', null, ['Xã Tân Trường', 'Xã Cẩm Đông', 'Xã Phúc Điền']],
  ['10705', 'xã', 'Nam An Phụ', null, ['Xã Quang Thành', 'Xã Lạc Long', 'Xã Thăng Long', 'Xã Tuấn Việt', 'Xã Vũ Dũng', 'Xã Cộng Hòa']],
  ['11737', 'phường', 'Nam Đồ Sơn', 'HP.Q.DOSON', ['Phường Minh Đức (quận Đồ Sơn)', 'Phường Bàng La', 'Phường Hợp Đức', 'Phường Vạn Hương', 'Phường Ngọc Xuyên']],
  ['10837', 'phường', 'Nam Đồng', null, ['Phường Nam Đồng', 'Xã Tiền Tiến']],
  ['10606', 'xã', 'Nam Sách', null, ['Thị trấn Nam Sách', 'Xã Hồng Phong (huyện Nam Sách)', 'Xã Đồng Lạc']],
  ['11284', 'xã', 'Nam Thanh Miện', null, ['Xã Hồng Phong (huyện Thanh Miện)', 'Xã Thanh Giang', 'Xã Chi Lăng Bắc', 'Xã Chi Lăng Nam']],
  ['11542', 'phường', 'Nam Triệu', 'HP.TP.THUYNGUYEN', ['Phường Nam Triệu Giang', 'Phường Lập Lễ', 'Phường Tam Hưng']],
  ['11713', 'xã', 'Nghi Dương', 'HP.H.KIENTHUY', ['Xã Ngũ Phúc (huyện Kiến Thụy)', 'Xã Kiến Quốc', 'Xã Du Lễ']],
  ['11329', 'phường', 'Ngô Quyền', 'HP.Q.NGOQUYEN', ['Phường Máy Chai', 'Phường Vạn Mỹ', 'Phường Cầu Tre', 'Phường Gia Viên', 'Phường Đông Khê']],
  ['11911', 'xã', 'Nguyễn Bỉnh Khiêm', 'HP.H.VINHBAO', ['Xã Trấn Dương', 'Xã Hòa Bình', 'Xã Lý Học']],
  ['10744', 'phường', 'Nguyễn Đại Năng', null, ['Phường Thái Thịnh', 'Phường Hiến Thành', 'Xã Minh Hòa']],
  ['11146', 'xã', 'Nguyên Giáp', null, ['Xã Hà Kỳ', 'Xã Nguyên Giáp', 'Xã Hà Thanh', 'Xã Tiên Động']],
  ['11242', 'xã', 'Nguyễn Lương Bằng', null, ['Xã Phạm Kha', 'Xã Nhân Quyền', 'Xã Thanh Tùng', 'Xã Đoàn Tùng']],
  ['10552', 'phường', 'Nguyễn Trãi', null, ['Phường Bến Tắm', 'Xã Bắc An', 'Xã Hoàng Hoa Thám']],
  ['10714', 'phường', 'Nhị Chiểu', null, ['Phường Tân Dân (thị xã Kinh Môn)', 'Phường Minh Tân', 'Phường Duy Tân', 'Phường Phú Thứ']],
  ['11203', 'xã', 'Ninh Giang', null, ['Thị trấn Ninh Giang', 'Xã Vĩnh Hòa (huyện Ninh Giang)', 'Xã Hồng Dụ', 'Xã Hiệp Lực']],
  ['10726', 'phường', 'Phạm Sư Mạnh', null, ['Phường Phạm Thái', 'Phường An Sinh', 'Phường Hiệp Sơn']],
  ['11446', 'phường', 'Phù Liễn', 'HP.Q.KIENAN', ['Phường Bắc Hà', 'Phường Ngọc Sơn', 'Thị trấn Trường Sơn', 'Phường Nam Sơn (quận Kiến An)', 'Phường Đồng Hòa', 'Phường Bắc Sơn', 'Phường Trần Thành Ngọ', 'Phường Văn Đẩu']],
  ['10750', 'xã', 'Phú Thái', null, ['Thị trấn Phú Thái', 'Xã Kim Xuyên', 'Xã Kim Anh', 'Xã Kim Liên', 'Xã Thượng Quận']],
  ['11761', 'xã', 'Quyết Thắng', 'HP.H.TIENLANG', ['Xã Đại Thắng', 'Xã Tiên Cường', 'Xã Tự Cường']],
  ['11167', 'xã', 'Tân An', null, ['Xã Tân Phong (huyện Ninh Giang)', 'Xã An Đức', 'Xã Đức Phúc']],
  ['10537', 'phường', 'Tân Hưng', null, ['Phường Hải Tân', 'Phường Tân Hưng', 'Xã Ngọc Sơn', 'Phường Trần Phú']],
  ['11113', 'xã', 'Tân Kỳ', null, ['Xã Đại Hợp (huyện Tứ Kỳ)', 'Xã Tân Kỳ', 'Xã Dân An', 'Xã Kỳ Sơn', 'Xã Hưng Đạo (huyện Tứ Kỳ)']],
  ['11779', 'xã', 'Tân Minh', 'HP.H.TIENLANG', ['Xã Cấp Tiến', 'Xã Kiến Thiết', 'Xã Đoàn Lập', 'Xã Tân Minh']],
  ['11002', 'phường', 'Thạch Khôi', null, ['Phường Thạch Khôi', 'Xã Gia Xuyên', 'Xã Liên Hồng', 'Xã Thống Nhất']],
  ['10642', 'xã', 'Thái Tân', null, ['Xã Minh Tân (huyện Nam Sách)', 'Xã An Sơn', 'Xã Thái Tân']],
  ['10507', 'phường', 'Thành Đông', null, ['Phường Cẩm Thượng', 'Phường Bình Hàn', 'Phường Nguyễn Trãi', 'Xã An Thượng']],
  ['10813', 'xã', 'Thanh Hà', null, ['Thị trấn Thanh Hà', 'Xã Thanh Sơn (huyện Thanh Hà)', 'Xã Thanh Tân']],
  ['11239', 'xã', 'Thanh Miện', null, ['Xã Cao Thắng', 'Xã Ngũ Hùng', 'Xã Tứ Cường', 'Thị trấn Thanh Miện']],
  ['11557', 'phường', 'Thiên Hương', 'HP.TP.THUYNGUYEN', ['Phường Thiên Hương', 'Phường Hoàng Lâm', 'Phường Lê Hồng Phong', 'Phường Hoa Động']],
  ['10993', 'xã', 'Thượng Hồng', null, ['Xã Bình Xuyên (huyện Bình Giang)', 'Xã Thanh Tùng', 'Xã Đoàn Tùng', 'Xã Thúc Kháng', 'Xã Thái Minh', 'Xã Tân Hồng', 'Xã Thái Dương', 'Xã Thái Hòa']],
  ['11560', 'phường', 'Thủy Nguyên', 'HP.TP.THUYNGUYEN', ['Phường Dương Quan', 'Phường Thủy Đường', 'Phường Hoa Động', 'Phường An Lư', 'Phường Thủy Hà']],
  ['11755', 'xã', 'Tiên Lãng', 'HP.H.TIENLANG', ['Thị trấn Tiên Lãng', 'Xã Quyết Tiến', 'Xã Tiên Thanh', 'Xã Khởi Nghĩa']],
  ['11791', 'xã', 'Tiên Minh', 'HP.H.TIENLANG', ['Xã Tiên Thắng', 'Xã Tiên Minh', 'Xã Tân Minh']],
  ['10570', 'phường', 'Trần Hưng Đạo', null, ['Xã Lê Lợi', 'Xã Hưng Đạo (thành phố Chí Linh)', 'Phường Cộng Hòa']],
  ['10729', 'phường', 'Trần Liễu', null, ['Phường An Phụ', 'Xã Hiệp Hòa', 'Xã Thượng Quận']],
  ['10573', 'phường', 'Trần Nhân Tông', null, ['Phường Hoàng Tân', 'Phường Hoàng Tiến', 'Phường Văn Đức']],
  ['10633', 'xã', 'Trần Phú', null, ['Xã Quốc Tuấn (huyện Nam Sách)', 'Xã Hiệp Cát', 'Xã Trần Phú']],
  ['11065', 'xã', 'Trường Tân', null, ['Xã Phạm Trấn', 'Xã Nhật Quang', 'Xã Thống Kênh', 'Xã Đoàn Thượng', 'Xã Quang Đức', 'Thị trấn Thanh Miện']],
  ['11074', 'xã', 'Tứ Kỳ', null, ['Thị trấn Tứ Kỳ', 'Xã Minh Đức', 'Xã Quang Khải', 'Xã Quang Phục']],
  ['10891', 'phường', 'Tứ Minh', null, ['Xã Cẩm Đoài', 'Phường Tứ Minh', 'Thị trấn Lai Cách']],
  ['10909', 'xã', 'Tuệ Tĩnh', null, ['Xã Đức Chính', 'Xã Cẩm Vũ', 'Xã Cẩm Văn']],
  ['10543', 'phường', 'Việt Hòa', null, ['Phường Việt Hòa', 'Xã Cao An', 'Phường Tứ Minh', 'Thị trấn Lai Cách']],
  ['11503', 'xã', 'Việt Khê', 'HP.TP.THUYNGUYEN', ['Xã Ninh Sơn', 'Xã Liên Xuân']],
  ['11887', 'xã', 'Vĩnh Am', 'HP.H.VINHBAO', ['Xã Tam Cường', 'Xã Cao Minh', 'Xã Liên Am']],
  ['11824', 'xã', 'Vĩnh Bảo', 'HP.H.VINHBAO', ['Thị trấn Vĩnh Bảo', 'Xã Vĩnh Hưng (huyện Vĩnh Bảo)', 'Xã Tân Hưng', 'Xã Tân Liên']],
  ['11875', 'xã', 'Vĩnh Hải', 'HP.H.VINHBAO', ['Xã Tiền Phong', 'Xã Vĩnh Hải']],
  ['11848', 'xã', 'Vĩnh Hòa', 'HP.H.VINHBAO', ['Xã Vĩnh Hòa (huyện Vĩnh Bảo)', 'Xã Hùng Tiến']],
  ['11164', 'xã', 'Vĩnh Lại', null, ['Xã Ứng Hòe', 'Xã Tân Hương', 'Xã Nghĩa An']],
  ['11836', 'xã', 'Vĩnh Thịnh', 'HP.H.VINHBAO', ['Xã Thắng Thủy', 'Xã Trung Lập', 'Xã Việt Tiến']],
  ['11842', 'xã', 'Vĩnh Thuận', 'HP.H.VINHBAO', ['Xã Vĩnh An', 'Xã Giang Biên', 'Xã Dũng Tiến']],
  ['11020', 'xã', 'Yết Kiêu', null, ['Xã Thống Nhất', 'Xã Lê Lợi (huyện Gia Lộc)', 'Xã Yết Kiêu']],
];
