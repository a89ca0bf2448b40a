import type { Holiday } from './holiday-set';

export { holidaySet } from './holiday-set';
export type { Holiday, HolidaySet } from './holiday-set';

/**
 * Vietnamese public holidays and the days off around them, 2018–2030, as seed data. The server
 * copies these into editable rows; the working-day rules only ever see the resulting set.
 *
 * Law: Bộ luật Lao động 2012 Điều 115 (to 2020) and Bộ luật Lao động 2019 Điều 112 (from 2021):
 * Tết Dương lịch 1 day (1/1); Tết Âm lịch 5 days; Giỗ Tổ Hùng Vương 1 day (10/3 âm lịch);
 * 30/4 1 day; 1/5 1 day; Quốc khánh 1 day (2/9) to 2020, 2 days (2/9 + one adjacent day) from
 * 2021. A holiday on a Saturday or Sunday gives a compensatory day off (nghỉ bù) on the next
 * working day. On top of that the Government sometimes swaps a working day for a Saturday
 * (hoán đổi) for civil servants; those days off are listed, the Saturdays worked in exchange
 * are in MAKEUP_SATURDAYS.
 *
 * Lunar dates (Tết, Giỗ Tổ) are for Vietnam's time zone UTC+7 (Hồ Ngọc Đức's algorithm). They
 * differ from the Chinese calendar in some years: Tết 2030 is Saturday 02/02/2030 in Vietnam
 * (03/02 in China).
 *
 * 2018–2026: the days off the Government announced for civil servants (public press summaries
 * of the VPCP notices, e.g. 2026: Tết 14–22/02 with days off 16–20/02, Tết Dương lịch swap
 * 02/01 ↔ 10/01 per 12729/VPCP-KGVX, Quốc khánh 29/08–02/09 with swap 31/08 ↔ 22/08).
 * 2027–2030 are NOT announced yet and follow this rule, to be corrected by an administrator:
 * Tết = last day of the lunar year + mùng 1–4, Quốc khánh's adjacent day = the one that joins a
 * weekend (Thu→Fri, Fri/Sat→Thu/Fri before, Sun/Mon→Mon/Tue after), nghỉ bù as the law says,
 * no swaps.
 *
 * Not included: Ngày Văn hóa Việt Nam (24/11), chosen as a paid day off by Nghị quyết
 * 80-NQ/TW (01/2026) but not yet in the Labour Code at the time of writing.
 */
export const VN_HOLIDAYS: readonly Holiday[] = [
  // 2018: 11 ngày làm việc được nghỉ
  { date: '2018-01-01', name: 'Tết Dương lịch' }, // T2
  { date: '2018-02-14', name: 'Tết Nguyên Đán (29 tháng Chạp năm Đinh Dậu)' }, // T4
  { date: '2018-02-15', name: 'Tết Nguyên Đán (30 tháng Chạp năm Đinh Dậu)' }, // T5
  { date: '2018-02-16', name: 'Tết Nguyên Đán (mùng 1 Tết Mậu Tuất)' }, // T6
  { date: '2018-02-17', name: 'Tết Nguyên Đán (mùng 2 Tết Mậu Tuất)' }, // T7
  { date: '2018-02-18', name: 'Tết Nguyên Đán (mùng 3 Tết Mậu Tuất)' }, // CN
  { date: '2018-02-19', name: 'Nghỉ bù Tết Nguyên Đán (17/02/2018 trùng thứ Bảy)' }, // T2
  { date: '2018-02-20', name: 'Nghỉ bù Tết Nguyên Đán (18/02/2018 trùng Chủ nhật)' }, // T3
  { date: '2018-04-25', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)' }, // T4
  { date: '2018-04-30', name: 'Ngày Chiến thắng (Giải phóng miền Nam, thống nhất đất nước)' }, // T2
  { date: '2018-05-01', name: 'Ngày Quốc tế Lao động' }, // T3
  { date: '2018-09-02', name: 'Quốc khánh' }, // CN
  { date: '2018-09-03', name: 'Nghỉ bù Quốc khánh (02/09/2018 trùng Chủ nhật)' }, // T2
  { date: '2018-12-31', name: 'Nghỉ hoán đổi dịp Tết Dương lịch 2019 (làm bù thứ Bảy 05/01/2019)' }, // T2
  // 2019: 11 ngày làm việc được nghỉ
  { date: '2019-01-01', name: 'Tết Dương lịch' }, // T3
  { date: '2019-02-04', name: 'Tết Nguyên Đán (30 tháng Chạp năm Mậu Tuất)' }, // T2
  { date: '2019-02-05', name: 'Tết Nguyên Đán (mùng 1 Tết Kỷ Hợi)' }, // T3
  { date: '2019-02-06', name: 'Tết Nguyên Đán (mùng 2 Tết Kỷ Hợi)' }, // T4
  { date: '2019-02-07', name: 'Tết Nguyên Đán (mùng 3 Tết Kỷ Hợi)' }, // T5
  { date: '2019-02-08', name: 'Tết Nguyên Đán (mùng 4 Tết Kỷ Hợi)' }, // T6
  { date: '2019-04-14', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)' }, // CN
  { date: '2019-04-15', name: 'Nghỉ bù Giỗ Tổ Hùng Vương (14/04/2019 trùng Chủ nhật)' }, // T2
  { date: '2019-04-29', name: 'Nghỉ hoán đổi dịp 30/4–1/5 (làm bù thứ Bảy 04/05/2019)' }, // T2
  { date: '2019-04-30', name: 'Ngày Chiến thắng (Giải phóng miền Nam, thống nhất đất nước)' }, // T3
  { date: '2019-05-01', name: 'Ngày Quốc tế Lao động' }, // T4
  { date: '2019-09-02', name: 'Quốc khánh' }, // T2
  // 2020: 10 ngày làm việc được nghỉ
  { date: '2020-01-01', name: 'Tết Dương lịch' }, // T4
  { date: '2020-01-23', name: 'Tết Nguyên Đán (29 tháng Chạp năm Kỷ Hợi)' }, // T5
  { date: '2020-01-24', name: 'Tết Nguyên Đán (30 tháng Chạp năm Kỷ Hợi)' }, // T6
  { date: '2020-01-25', name: 'Tết Nguyên Đán (mùng 1 Tết Canh Tý)' }, // T7
  { date: '2020-01-26', name: 'Tết Nguyên Đán (mùng 2 Tết Canh Tý)' }, // CN
  { date: '2020-01-27', name: 'Tết Nguyên Đán (mùng 3 Tết Canh Tý)' }, // T2
  { date: '2020-01-28', name: 'Nghỉ bù Tết Nguyên Đán (25/01/2020 trùng thứ Bảy)' }, // T3
  { date: '2020-01-29', name: 'Nghỉ bù Tết Nguyên Đán (26/01/2020 trùng Chủ nhật)' }, // T4
  { date: '2020-04-02', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)' }, // T5
  { date: '2020-04-30', name: 'Ngày Chiến thắng (Giải phóng miền Nam, thống nhất đất nước)' }, // T5
  { date: '2020-05-01', name: 'Ngày Quốc tế Lao động' }, // T6
  { date: '2020-09-02', name: 'Quốc khánh' }, // T4
  // 2021: 11 ngày làm việc được nghỉ
  { date: '2021-01-01', name: 'Tết Dương lịch' }, // T6
  { date: '2021-02-10', name: 'Tết Nguyên Đán (29 tháng Chạp năm Canh Tý)' }, // T4
  { date: '2021-02-11', name: 'Tết Nguyên Đán (30 tháng Chạp năm Canh Tý)' }, // T5
  { date: '2021-02-12', name: 'Tết Nguyên Đán (mùng 1 Tết Tân Sửu)' }, // T6
  { date: '2021-02-13', name: 'Tết Nguyên Đán (mùng 2 Tết Tân Sửu)' }, // T7
  { date: '2021-02-14', name: 'Tết Nguyên Đán (mùng 3 Tết Tân Sửu)' }, // CN
  { date: '2021-02-15', name: 'Nghỉ bù Tết Nguyên Đán (13/02/2021 trùng thứ Bảy)' }, // T2
  { date: '2021-02-16', name: 'Nghỉ bù Tết Nguyên Đán (14/02/2021 trùng Chủ nhật)' }, // T3
  { date: '2021-04-21', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)' }, // T4
  { date: '2021-04-30', name: 'Ngày Chiến thắng (Giải phóng miền Nam, thống nhất đất nước)' }, // T6
  { date: '2021-05-01', name: 'Ngày Quốc tế Lao động' }, // T7
  { date: '2021-05-03', name: 'Nghỉ bù Ngày Quốc tế Lao động (01/05/2021 trùng thứ Bảy)' }, // T2
  { date: '2021-09-02', name: 'Quốc khánh' }, // T5
  { date: '2021-09-03', name: 'Quốc khánh (ngày liền kề)' }, // T6
  // 2022: 11 ngày làm việc được nghỉ
  { date: '2022-01-01', name: 'Tết Dương lịch' }, // T7
  { date: '2022-01-03', name: 'Nghỉ bù Tết Dương lịch (01/01/2022 trùng thứ Bảy)' }, // T2
  { date: '2022-01-31', name: 'Tết Nguyên Đán (29 tháng Chạp năm Tân Sửu)' }, // T2
  { date: '2022-02-01', name: 'Tết Nguyên Đán (mùng 1 Tết Nhâm Dần)' }, // T3
  { date: '2022-02-02', name: 'Tết Nguyên Đán (mùng 2 Tết Nhâm Dần)' }, // T4
  { date: '2022-02-03', name: 'Tết Nguyên Đán (mùng 3 Tết Nhâm Dần)' }, // T5
  { date: '2022-02-04', name: 'Tết Nguyên Đán (mùng 4 Tết Nhâm Dần)' }, // T6
  { date: '2022-04-10', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)' }, // CN
  { date: '2022-04-11', name: 'Nghỉ bù Giỗ Tổ Hùng Vương (10/04/2022 trùng Chủ nhật)' }, // T2
  { date: '2022-04-30', name: 'Ngày Chiến thắng (Giải phóng miền Nam, thống nhất đất nước)' }, // T7
  { date: '2022-05-01', name: 'Ngày Quốc tế Lao động' }, // CN
  { date: '2022-05-02', name: 'Nghỉ bù Ngày Chiến thắng (30/04/2022 trùng thứ Bảy)' }, // T2
  { date: '2022-05-03', name: 'Nghỉ bù Ngày Quốc tế Lao động (01/05/2022 trùng Chủ nhật)' }, // T3
  { date: '2022-09-01', name: 'Quốc khánh (ngày liền kề)' }, // T5
  { date: '2022-09-02', name: 'Quốc khánh' }, // T6
  // 2023: 11 ngày làm việc được nghỉ
  { date: '2023-01-01', name: 'Tết Dương lịch' }, // CN
  { date: '2023-01-02', name: 'Nghỉ bù Tết Dương lịch (01/01/2023 trùng Chủ nhật)' }, // T2
  { date: '2023-01-20', name: 'Tết Nguyên Đán (29 tháng Chạp năm Nhâm Dần)' }, // T6
  { date: '2023-01-21', name: 'Tết Nguyên Đán (30 tháng Chạp năm Nhâm Dần)' }, // T7
  { date: '2023-01-22', name: 'Tết Nguyên Đán (mùng 1 Tết Quý Mão)' }, // CN
  { date: '2023-01-23', name: 'Tết Nguyên Đán (mùng 2 Tết Quý Mão)' }, // T2
  { date: '2023-01-24', name: 'Tết Nguyên Đán (mùng 3 Tết Quý Mão)' }, // T3
  { date: '2023-01-25', name: 'Nghỉ bù Tết Nguyên Đán (21/01/2023 trùng thứ Bảy)' }, // T4
  { date: '2023-01-26', name: 'Nghỉ bù Tết Nguyên Đán (22/01/2023 trùng Chủ nhật)' }, // T5
  { date: '2023-04-29', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)' }, // T7
  { date: '2023-04-30', name: 'Ngày Chiến thắng (Giải phóng miền Nam, thống nhất đất nước)' }, // CN
  { date: '2023-05-01', name: 'Ngày Quốc tế Lao động' }, // T2
  { date: '2023-05-02', name: 'Nghỉ bù Giỗ Tổ Hùng Vương (29/04/2023 trùng thứ Bảy)' }, // T3
  { date: '2023-05-03', name: 'Nghỉ bù Ngày Chiến thắng (30/04/2023 trùng Chủ nhật)' }, // T4
  { date: '2023-09-01', name: 'Quốc khánh (ngày liền kề)' }, // T6
  { date: '2023-09-02', name: 'Quốc khánh' }, // T7
  { date: '2023-09-04', name: 'Nghỉ bù Quốc khánh (02/09/2023 trùng thứ Bảy)' }, // T2
  // 2024: 12 ngày làm việc được nghỉ
  { date: '2024-01-01', name: 'Tết Dương lịch' }, // T2
  { date: '2024-02-08', name: 'Tết Nguyên Đán (29 tháng Chạp năm Quý Mão)' }, // T5
  { date: '2024-02-09', name: 'Tết Nguyên Đán (30 tháng Chạp năm Quý Mão)' }, // T6
  { date: '2024-02-10', name: 'Tết Nguyên Đán (mùng 1 Tết Giáp Thìn)' }, // T7
  { date: '2024-02-11', name: 'Tết Nguyên Đán (mùng 2 Tết Giáp Thìn)' }, // CN
  { date: '2024-02-12', name: 'Tết Nguyên Đán (mùng 3 Tết Giáp Thìn)' }, // T2
  { date: '2024-02-13', name: 'Nghỉ bù Tết Nguyên Đán (10/02/2024 trùng thứ Bảy)' }, // T3
  { date: '2024-02-14', name: 'Nghỉ bù Tết Nguyên Đán (11/02/2024 trùng Chủ nhật)' }, // T4
  { date: '2024-04-18', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)' }, // T5
  { date: '2024-04-29', name: 'Nghỉ hoán đổi dịp 30/4–1/5 (làm bù thứ Bảy 04/05/2024)' }, // T2
  { date: '2024-04-30', name: 'Ngày Chiến thắng (Giải phóng miền Nam, thống nhất đất nước)' }, // T3
  { date: '2024-05-01', name: 'Ngày Quốc tế Lao động' }, // T4
  { date: '2024-09-02', name: 'Quốc khánh' }, // T2
  { date: '2024-09-03', name: 'Quốc khánh (ngày liền kề)' }, // T3
  // 2025: 12 ngày làm việc được nghỉ
  { date: '2025-01-01', name: 'Tết Dương lịch' }, // T4
  { date: '2025-01-27', name: 'Tết Nguyên Đán (28 tháng Chạp năm Giáp Thìn)' }, // T2
  { date: '2025-01-28', name: 'Tết Nguyên Đán (29 tháng Chạp năm Giáp Thìn)' }, // T3
  { date: '2025-01-29', name: 'Tết Nguyên Đán (mùng 1 Tết Ất Tỵ)' }, // T4
  { date: '2025-01-30', name: 'Tết Nguyên Đán (mùng 2 Tết Ất Tỵ)' }, // T5
  { date: '2025-01-31', name: 'Tết Nguyên Đán (mùng 3 Tết Ất Tỵ)' }, // T6
  { date: '2025-04-07', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)' }, // T2
  { date: '2025-04-30', name: 'Ngày Chiến thắng (Giải phóng miền Nam, thống nhất đất nước)' }, // T4
  { date: '2025-05-01', name: 'Ngày Quốc tế Lao động' }, // T5
  { date: '2025-05-02', name: 'Nghỉ hoán đổi dịp 30/4–1/5 (làm bù thứ Bảy 26/04/2025)' }, // T6
  { date: '2025-09-01', name: 'Quốc khánh (ngày liền kề)' }, // T2
  { date: '2025-09-02', name: 'Quốc khánh' }, // T3
  // 2026: 13 ngày làm việc được nghỉ
  { date: '2026-01-01', name: 'Tết Dương lịch' }, // T5
  { date: '2026-01-02', name: 'Nghỉ hoán đổi dịp Tết Dương lịch (làm bù thứ Bảy 10/01/2026)' }, // T6
  { date: '2026-02-16', name: 'Tết Nguyên Đán (29 tháng Chạp năm Ất Tỵ)' }, // T2
  { date: '2026-02-17', name: 'Tết Nguyên Đán (mùng 1 Tết Bính Ngọ)' }, // T3
  { date: '2026-02-18', name: 'Tết Nguyên Đán (mùng 2 Tết Bính Ngọ)' }, // T4
  { date: '2026-02-19', name: 'Tết Nguyên Đán (mùng 3 Tết Bính Ngọ)' }, // T5
  { date: '2026-02-20', name: 'Tết Nguyên Đán (mùng 4 Tết Bính Ngọ)' }, // T6
  { date: '2026-04-26', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)' }, // CN
  { date: '2026-04-27', name: 'Nghỉ bù Giỗ Tổ Hùng Vương (26/04/2026 trùng Chủ nhật)' }, // T2
  { date: '2026-04-30', name: 'Ngày Chiến thắng (Giải phóng miền Nam, thống nhất đất nước)' }, // T5
  { date: '2026-05-01', name: 'Ngày Quốc tế Lao động' }, // T6
  { date: '2026-08-31', name: 'Nghỉ hoán đổi dịp Quốc khánh (làm bù thứ Bảy 22/08/2026)' }, // T2
  { date: '2026-09-01', name: 'Quốc khánh (ngày liền kề)' }, // T3
  { date: '2026-09-02', name: 'Quốc khánh' }, // T4
  // 2027: 11 ngày làm việc được nghỉ
  { date: '2027-01-01', name: 'Tết Dương lịch' }, // T6
  { date: '2027-02-05', name: 'Tết Nguyên Đán (29 tháng Chạp năm Bính Ngọ)' }, // T6
  { date: '2027-02-06', name: 'Tết Nguyên Đán (mùng 1 Tết Đinh Mùi)' }, // T7
  { date: '2027-02-07', name: 'Tết Nguyên Đán (mùng 2 Tết Đinh Mùi)' }, // CN
  { date: '2027-02-08', name: 'Tết Nguyên Đán (mùng 3 Tết Đinh Mùi)' }, // T2
  { date: '2027-02-09', name: 'Tết Nguyên Đán (mùng 4 Tết Đinh Mùi)' }, // T3
  { date: '2027-02-10', name: 'Nghỉ bù Tết Nguyên Đán (06/02/2027 trùng thứ Bảy)' }, // T4
  { date: '2027-02-11', name: 'Nghỉ bù Tết Nguyên Đán (07/02/2027 trùng Chủ nhật)' }, // T5
  { date: '2027-04-16', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)' }, // T6
  { date: '2027-04-30', name: 'Ngày Chiến thắng (Giải phóng miền Nam, thống nhất đất nước)' }, // T6
  { date: '2027-05-01', name: 'Ngày Quốc tế Lao động' }, // T7
  { date: '2027-05-03', name: 'Nghỉ bù Ngày Quốc tế Lao động (01/05/2027 trùng thứ Bảy)' }, // T2
  { date: '2027-09-02', name: 'Quốc khánh' }, // T5
  { date: '2027-09-03', name: 'Quốc khánh (ngày liền kề)' }, // T6
  // 2028: 11 ngày làm việc được nghỉ
  { date: '2028-01-01', name: 'Tết Dương lịch' }, // T7
  { date: '2028-01-03', name: 'Nghỉ bù Tết Dương lịch (01/01/2028 trùng thứ Bảy)' }, // T2
  { date: '2028-01-25', name: 'Tết Nguyên Đán (29 tháng Chạp năm Đinh Mùi)' }, // T3
  { date: '2028-01-26', name: 'Tết Nguyên Đán (mùng 1 Tết Mậu Thân)' }, // T4
  { date: '2028-01-27', name: 'Tết Nguyên Đán (mùng 2 Tết Mậu Thân)' }, // T5
  { date: '2028-01-28', name: 'Tết Nguyên Đán (mùng 3 Tết Mậu Thân)' }, // T6
  { date: '2028-01-29', name: 'Tết Nguyên Đán (mùng 4 Tết Mậu Thân)' }, // T7
  { date: '2028-01-31', name: 'Nghỉ bù Tết Nguyên Đán (29/01/2028 trùng thứ Bảy)' }, // T2
  { date: '2028-04-04', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)' }, // T3
  { date: '2028-04-30', name: 'Ngày Chiến thắng (Giải phóng miền Nam, thống nhất đất nước)' }, // CN
  { date: '2028-05-01', name: 'Ngày Quốc tế Lao động' }, // T2
  { date: '2028-05-02', name: 'Nghỉ bù Ngày Chiến thắng (30/04/2028 trùng Chủ nhật)' }, // T3
  { date: '2028-09-01', name: 'Quốc khánh (ngày liền kề)' }, // T6
  { date: '2028-09-02', name: 'Quốc khánh' }, // T7
  { date: '2028-09-04', name: 'Nghỉ bù Quốc khánh (02/09/2028 trùng thứ Bảy)' }, // T2
  // 2029: 11 ngày làm việc được nghỉ
  { date: '2029-01-01', name: 'Tết Dương lịch' }, // T2
  { date: '2029-02-12', name: 'Tết Nguyên Đán (29 tháng Chạp năm Mậu Thân)' }, // T2
  { date: '2029-02-13', name: 'Tết Nguyên Đán (mùng 1 Tết Kỷ Dậu)' }, // T3
  { date: '2029-02-14', name: 'Tết Nguyên Đán (mùng 2 Tết Kỷ Dậu)' }, // T4
  { date: '2029-02-15', name: 'Tết Nguyên Đán (mùng 3 Tết Kỷ Dậu)' }, // T5
  { date: '2029-02-16', name: 'Tết Nguyên Đán (mùng 4 Tết Kỷ Dậu)' }, // T6
  { date: '2029-04-23', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)' }, // T2
  { date: '2029-04-30', name: 'Ngày Chiến thắng (Giải phóng miền Nam, thống nhất đất nước)' }, // T2
  { date: '2029-05-01', name: 'Ngày Quốc tế Lao động' }, // T3
  { date: '2029-09-02', name: 'Quốc khánh' }, // CN
  { date: '2029-09-03', name: 'Quốc khánh (ngày liền kề)' }, // T2
  { date: '2029-09-04', name: 'Nghỉ bù Quốc khánh (02/09/2029 trùng Chủ nhật)' }, // T3
  // 2030: 11 ngày làm việc được nghỉ
  { date: '2030-01-01', name: 'Tết Dương lịch' }, // T3
  { date: '2030-02-01', name: 'Tết Nguyên Đán (29 tháng Chạp năm Kỷ Dậu)' }, // T6
  { date: '2030-02-02', name: 'Tết Nguyên Đán (mùng 1 Tết Canh Tuất)' }, // T7
  { date: '2030-02-03', name: 'Tết Nguyên Đán (mùng 2 Tết Canh Tuất)' }, // CN
  { date: '2030-02-04', name: 'Tết Nguyên Đán (mùng 3 Tết Canh Tuất)' }, // T2
  { date: '2030-02-05', name: 'Tết Nguyên Đán (mùng 4 Tết Canh Tuất)' }, // T3
  { date: '2030-02-06', name: 'Nghỉ bù Tết Nguyên Đán (02/02/2030 trùng thứ Bảy)' }, // T4
  { date: '2030-02-07', name: 'Nghỉ bù Tết Nguyên Đán (03/02/2030 trùng Chủ nhật)' }, // T5
  { date: '2030-04-12', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)' }, // T6
  { date: '2030-04-30', name: 'Ngày Chiến thắng (Giải phóng miền Nam, thống nhất đất nước)' }, // T3
  { date: '2030-05-01', name: 'Ngày Quốc tế Lao động' }, // T4
  { date: '2030-09-02', name: 'Quốc khánh' }, // T2
  { date: '2030-09-03', name: 'Quốc khánh (ngày liền kề)' }, // T3
];

/**
 * Saturdays worked in exchange for a swapped day off (làm bù): working days for deadlines
 * (core/calendar/working-days). Sources of the swaps the tests use:
 * - 2024: 29/04/2024 (thứ Hai) off, worked Saturday 04/05/2024 — Công văn 2450/VPCP-KGVX of
 *   12/04/2024 (the Prime Minister's agreement) and Thông báo 1570/TB-BLĐTBXH of 12/04/2024;
 * - 2025: 02/05/2025 (thứ Sáu) off, worked Saturday 26/04/2025 — as reported by TTXVN/VietnamPlus
 *   ("Công chức, viên chức được nghỉ thế nào trong dịp lễ 30/4-1/5/2025", vietnamplus.vn
 *   post1033115); the number of the notice itself was not verified here.
 */
export const MAKEUP_SATURDAYS: readonly Holiday[] = [
  { date: '2019-01-05', name: 'Làm bù cho ngày nghỉ hoán đổi 31/12/2018', working: true },
  { date: '2019-05-04', name: 'Làm bù cho ngày nghỉ hoán đổi 29/04/2019', working: true },
  { date: '2024-05-04', name: 'Làm bù cho ngày nghỉ hoán đổi 29/04/2024 (CV 2450/VPCP-KGVX, TB 1570/TB-BLĐTBXH ngày 12/04/2024)', working: true },
  { date: '2025-04-26', name: 'Làm bù cho ngày nghỉ hoán đổi 02/05/2025', working: true },
  { date: '2026-01-10', name: 'Làm bù cho ngày nghỉ hoán đổi 02/01/2026', working: true },
  { date: '2026-08-22', name: 'Làm bù cho ngày nghỉ hoán đổi 31/08/2026', working: true },
];
