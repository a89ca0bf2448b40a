/**
 * The words unit names are made of: department and ministry names, administrative
 * levels, heads of bodies, group categories. Patterns come in two sets: one for running
 * text, where capitals mark a proper name, and one for lines written all in capitals
 * (headings such as "2. SỞ THÔNG TIN VÀ TRUYỀN THÔNG"), matched ignoring case.
 */
/** Department and ministry names (after "Sở" / "Bộ"), full forms and usual short forms. */
export const DEPARTMENT_NAMES: string[] = [
  'Thông tin và Truyền thông',
  'TT&TT',
  'TT và TT',
  'TTTT',
  'TT-TT',
  'Kế hoạch và Đầu tư',
  'KH&ĐT',
  'KHĐT',
  'KH và ĐT',
  'Tài chính',
  'Nội vụ',
  'Tư pháp',
  'Y tế',
  'Xây dựng',
  'Công Thương',
  'Giáo dục và Đào tạo',
  'GD&ĐT',
  'GDĐT',
  'Khoa học và Công nghệ',
  'KH&CN',
  'KHCN',
  'Tài nguyên và Môi trường',
  'TN&MT',
  'TNMT',
  'Nông nghiệp và Phát triển nông thôn',
  'NN&PTNT',
  'NNPTNT',
  'Nông nghiệp và Môi trường',
  'NN&MT',
  'Lao động - Thương binh và Xã hội',
  'Lao động, Thương binh và Xã hội',
  'Lao động Thương binh và Xã hội',
  'LĐ-TB&XH',
  'LĐTB&XH',
  'LĐTBXH',
  'Giao thông vận tải',
  'Giao thông - Vận tải',
  'GTVT',
  'Văn hóa, Thể thao và Du lịch',
  'Văn hoá, Thể thao và Du lịch',
  'VH,TT&DL',
  'VHTT&DL',
  'VHTTDL',
  'Văn hóa và Thể thao',
  'Văn hoá và Thể thao',
  'VH&TT',
  'Du lịch',
  'Ngoại vụ',
  'Dân tộc và Tôn giáo',
  'Quy hoạch - Kiến trúc',
  'Quy hoạch và Kiến trúc',
  // Short forms written with a hyphen in newspapers ("Sở KH-CN", "Sở NN-MT").
  'KH-CN',
  'KH-ĐT',
  'NN-MT',
  'NN-PTNT',
  'TN-MT',
  'GD-ĐT',
  'VH-TT&DL',
  'VH-TT-DL',
  'VHTT-DL',
  'LĐ-TB&XH',
  'LĐTB-XH',
  'GTVT',
  'Lao động-Thương binh và Xã hội',
];

const MINISTRY_ONLY_NAMES = ['Công an', 'Quốc phòng', 'Ngoại giao', 'Thông tin và Truyền thông', 'TTTT'];

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function namesAlternation(names: string[]): string {
  return [...names]
    .sort((a, b) => b.length - a.length)
    .map((n) => {
      // Case-insensitive on the name only; "i" would also make \p{Lu} match lower case.
      const words = n.split(/\s+/).map((w) =>
        [...w]
          .map((ch) => (ch.toLowerCase() !== ch.toUpperCase() ? `[${ch.toLowerCase()}${ch.toUpperCase()}]` : escapeRe(ch)))
          .join('')
          .replace(/&/g, '\\s*&\\s*')
          .replace(/,/g, '\\s*,'),
      );
      return words.join('\\s+').replace(/\\s\+-\\s\+/g, '\\s*[-–]\\s*');
    })
    .join('|');
}

/** Department names as one alternation, for readers that meet them without "Sở". */
export function departmentAlternation(): string {
  return namesAlternation(DEPARTMENT_NAMES);
}

const S = '\\s+';
const CAP_WORD = '\\p{Lu}[\\p{Ll}\\p{Lu}]*';
/** A predicate written with a capital ("… Sóc Trăng Phối hợp …") is no part of a place name. */
const CAP_PREDICATE = `(?!(?:Phối${S}hợp|Chủ${S}trì|Tham${S}mưu|Triển${S}khai|Khẩn${S}trương)(?![\\p{L}]))`;
const PLACE = `(?:${S}${CAP_PREDICATE}${CAP_WORD}(?:${S}(?:-${S})?${CAP_PREDICATE}${CAP_WORD}){0,3})`;
const LEVEL_PROV = '(?:[Tt]ỉnh|[Tt]hành\\s+[Pp]hố|TP\\.?|Tp\\.?)';
const LEVEL_ANY = '(?:[Tt]ỉnh|[Tt]hành\\s+[Pp]hố|TP\\.?|Tp\\.?|[Qq]uận|[Hh]uyện|[Tt]hị\\s+xã|[Xx]ã|[Pp]hường|[Tt]hị\\s+trấn|[Đđ]ặc\\s+khu)';
const LEVEL_PLURAL_WORD = '(?:quận|huyện|thị\\s+xã|thành\\s+phố|xã|phường|thị\\s+trấn|tỉnh|đặc\\s+khu)';
const LEVEL_LIST = `${LEVEL_PLURAL_WORD}(?:\\s*,\\s*(?:và\\s+)?${LEVEL_PLURAL_WORD}|${S}và${S}${LEVEL_PLURAL_WORD}|${S}${LEVEL_PLURAL_WORD})*`;
/** "huyện, thị xã, thành phố" without "các": two or more levels and no proper name after them. */
const LEVEL_LIST_BARE = `${LEVEL_PLURAL_WORD}(?:\\s*,\\s*(?:và\\s+)?${LEVEL_PLURAL_WORD}|${S}và${S}${LEVEL_PLURAL_WORD}|${S}${LEVEL_PLURAL_WORD})+(?!${S}\\p{Lu})`;
const UBND_HEAD = '(?:(?:[Ủủ]y|[Uu]ỷ|ỦY|UỶ)\\s+(?:ban|Ban|BAN)(?:\\s+(?:nhân|Nhân)(?:\\s+(?:dân|Dân))?)?|UBND)';
const PROV_QUAL = `(?:${S}${LEVEL_PROV}${PLACE}?)?`;
const TITLE_WORD = `(?:Thủ${S}trưởng|thủ${S}trưởng|Tổng${S}[Bb]iên${S}tập|Cục${S}trưởng|Phó${S}Giám${S}đốc|Giám${S}đốc|giám${S}đốc|Phó${S}Chủ${S}tịch|Chủ${S}tịch|chủ${S}tịch|Chánh|Trưởng${S}ban|Lãnh${S}đạo|lãnh${S}đạo|Người${S}đứng${S}đầu|người${S}đứng${S}đầu|Chỉ${S}huy${S}trưởng)`;
/** A kind of economic zone, as management boards name them. */
const ZONE = `[Kk]hu${S}(?:[Cc]ông${S}nghệ${S}cao|[Kk]inh${S}tế(?:${S}cửa${S}khẩu)?|[Cc]ông${S}nghiệp|[Cc]hế${S}xuất)`;

/** Lower-case words that begin a predicate, so a name cannot continue through them. */
export const NAME_STOP = new Set(
  (
    'chủ phối tổ thực triển xây tham khẩn tích tiếp có chịu báo đề hướng kiểm rà đẩy tăng nghiên bảo đảm hoàn ' +
    'theo đôn trình gửi là được đã đang sẽ cần phải với về trong tại để của cho các những nghiêm thông ghi biểu ' +
    'phê và hoặc nhằm từ trên dưới khi nếu thì mà đến sau trước lập tập cung chỉ sử làm đưa chuẩn rút quan mở ' +
    'tạo phục thẩm cập duy vận giám ban tiến đánh nâng chấn tuyên phát kịp xin lấy cùng đồng như gồm'
  ).split(' '),
);

/** "các doanh nghiệp viễn thông, bưu chính": a sector names the group, not the task. */
const BUSINESS_SECTOR =
  `(?:${S}(?:viễn${S}thông|bưu${S}chính|công${S}nghệ${S}số|công${S}nghệ${S}thông${S}tin|nhà${S}nước|cung${S}cấp${S}dịch${S}vụ${S}(?:viễn${S}thông|bưu${S}chính|công${S}nghệ${S}thông${S}tin))` +
  `(?:(?:\\s*,\\s*|${S}và${S})(?:viễn${S}thông|bưu${S}chính|công${S}nghệ${S}số|công${S}nghệ${S}thông${S}tin))*)?`;
const GROUP_CATEGORY =
  `(?:(?:cơ${S}quan${S})?thành${S}viên${S}(?:Ban${S}[Cc]hỉ${S}đạo|[Tt]iểu${S}ban)|cơ${S}quan${S}báo${S}chí|cơ${S}quan${S}chuyên${S}môn|cơ${S}quan${S}ngang${S}bộ|` +
  `cơ${S}quan${S}(?:truyền${S}thông|tuyên${S}truyền|thông${S}tin${S}đại${S}chúng|thông${S}tấn)|báo${S}chí|chủ${S}đầu${S}tư|[Bb]an${S}(?:QLDA|[Qq]uản${S}lý${S}dự${S}án)|` +
  `phòng${S}(?:GDĐT|GD&ĐT|GD-ĐT|Giáo${S}dục${S}và${S}Đào${S}tạo|chuyên${S}môn)|phòng|cá${S}nhân|cơ${S}sở|lực${S}lượng|tiểu${S}ban|` +
  `cơ${S}quan${S}thuộc${S}Chính${S}phủ|cơ${S}quan|đơn${S}vị${S}sự${S}nghiệp(?:${S}công${S}lập)?|` +
  `đơn${S}vị|địa${S}phương|[Ss]ở|[Bb]an|[Nn]gành|[Bb]ộ|cấp|quận|huyện|thị${S}xã|thành${S}phố|xã|phường|thị${S}trấn|đặc${S}khu|` +
  `doanh${S}nghiệp${BUSINESS_SECTOR}|tổ${S}chức${S}chính${S}trị${S}-${S}xã${S}hội|tổ${S}chức|đoàn${S}thể|hội|hiệp${S}hội)(?![\\p{L}])`;
/** Categories joined by a comma, "và", or — as informal copies write — a bare space ("các sở ban ngành"). */
const GROUP_SEP = `(?:\\s*,\\s*(?:và${S})?(?:các${S})?|${S}và${S}(?:các${S})?|${S}(?=(?:ban|ngành|đơn${S}vị|đoàn${S}thể|địa${S}phương|huyện|xã)(?![\\p{L}])))`;
/** "… trực thuộc Trung ương", "… thuộc tỉnh": who the listed units belong to. */
const UNDER_CENTRE = `(?:${S}(?:trực${S}thuộc|thuộc)${S}[Tt]rung${S}ương)`;

export type TUnitPatterns = {
  units: RegExp[];
  groupUbnd: RegExp[];
  groupBare: RegExp;
  qualTail: RegExp;
  genericHeads: RegExp;
  completeHeads: RegExp;
  title: RegExp;
  groupCore: RegExp;
  groupRelated: RegExp;
  qualRelated: RegExp;
  qualUnder: RegExp;
  qualPlace: RegExp;
  qualFollowing: RegExp;
  level: RegExp;
};

/**
 * The patterns for running text (`caseless` false) or for a line in capitals (true). In
 * capitals every word looks like a proper name, so there the line's end and its commas,
 * not capitalisation, bound a name; callers only read such lines as headings.
 */
function buildPatterns(caseless: boolean): TUnitPatterns {
  const flags = caseless ? 'yiu' : 'yu';
  const re = (source: string): RegExp => new RegExp(source, flags);
  return {
    units: [
      // Office of the People's Committee, of the Delegation of NA deputies and People's Council, …
      re(`(?:Văn\\s+phòng|VP)${S}${UBND_HEAD}(?:${S}${LEVEL_ANY}${PLACE}?)?`),
      re(`Văn\\s+phòng${S}Đoàn${S}(?:ĐBQH|Đại\\s+biểu\\s+Quốc\\s+hội)(?:\\s*,\\s*|${S}và${S})(?:HĐND|Hội\\s+đồng\\s+nhân\\s+dân)${PROV_QUAL}`),
      re(`Văn\\s+phòng${S}(?:HĐND|Hội\\s+đồng\\s+nhân\\s+dân|Tỉnh\\s+ủy|Thành\\s+ủy|Tỉnh\\s+uỷ|Thành\\s+uỷ)${PROV_QUAL}`),
      re(`Văn\\s+phòng${S}Chính\\s+phủ`),
      // People's Committee of one administrative unit.
      re(`${UBND_HEAD}${S}${LEVEL_ANY}${PLACE}?`),
      // Departments and ministries.
      re(`Sở${S}(?:${namesAlternation(DEPARTMENT_NAMES)})(?![\\p{L}])${PROV_QUAL}`),
      re(`Bộ${S}(?:${namesAlternation([...DEPARTMENT_NAMES, ...MINISTRY_ONLY_NAMES])})(?![\\p{L}])`),
      re(`Bộ${S}Chỉ${S}huy${S}(?:[Qq]uân${S}sự|Bộ${S}đội${S}[Bb]iên${S}phòng)${PROV_QUAL}`),
      re(`Công${S}an${S}${LEVEL_ANY}${PLACE}?`),
      re(`Bộ${S}đội${S}[Bb]iên${S}phòng${PROV_QUAL}`),
      re(`Cổng${S}[Tt]hông${S}tin${S}điện${S}tử${PROV_QUAL}`),
      // Abbreviated levels in newspapers: "UBND H.Bắc Bình", "UBND TX. Tân Châu".
      re(`${UBND_HEAD}${S}(?:H|TX|Q|TP|Tp)\\.\\s*${CAP_WORD}(?:${S}${CAP_WORD}){0,3}`),
      re(`Thanh${S}tra${S}(?:${LEVEL_PROV}${PLACE}?|Chính${S}phủ|Sở(?:${S}${CAP_WORD})?)`),
      re(`(?:Thành|Tỉnh)${S}(?:ủy|uỷ|đoàn)${PLACE}?`),
      re(`(?:Hội${S}đồng${S}nhân${S}dân|HĐND)${S}${LEVEL_ANY}${PLACE}?`),
      // Management boards of zones: "Ban Quản lý các Khu công nghiệp", "… Khu công nghệ cao và các khu công nghiệp Đà Nẵng".
      re(
        `Ban${S}[Qq]uản${S}lý${S}(?:các${S})?${ZONE}(?:(?:\\s*,\\s*|${S}và${S})(?:các${S})?${ZONE})*(?:${S}${LEVEL_ANY}${PLACE}?|${PLACE})?`,
      ),
      // Project boards named by number or purpose: "Ban Quản lý dự án 2", "Ban QLDA đầu tư xây dựng tỉnh".
      re(`Ban${S}(?:QLDA|[Qq]uản${S}lý${S}dự${S}án)(?:${S}\\d+|${S}(?:đầu${S}tư${S}xây${S}dựng|ĐTXD)(?:${S}(?:các${S})?công${S}trình(?:${S}(?:dân${S}dụng|giao${S}thông|nông${S}nghiệp))?)?${PROV_QUAL})`),
      // Media: "Đài Phát thanh - Truyền hình Đà Nẵng"; after 2025 "Báo và Phát thanh, Truyền hình An Giang".
      re(`(?:Báo${S}và${S})?(?:Đài${S})?Phát${S}thanh(?:\\s*[-–,]\\s*|${S}và${S})Truyền${S}hình(?:${S}${LEVEL_PROV})?${PLACE}?`),
    ],
    groupUbnd: [
      re(
        `${UBND_HEAD}${S}(?:các|Các)${S}${LEVEL_LIST}(?:${UNDER_CENTRE}|${S}(?:trên${S}địa${S}bàn|thuộc)${S}${LEVEL_PROV}|(?<=thành${S}phố|thị${S}xã)${PLACE})?`,
      ),
      re(`${UBND_HEAD}${S}cấp${S}(?:huyện|xã|tỉnh)(?:\\s*,\\s*cấp${S}(?:huyện|xã))?`),
      re(`${UBND_HEAD}${S}các${S}cấp`),
      // "Ủy ban nhân dân thành phố và các huyện": the committee of the city and those of the districts.
      re(`${UBND_HEAD}${S}(?:thành${S}phố|thị${S}xã)${S}và${S}các${S}${LEVEL_LIST}`),
      re(`${UBND_HEAD}${S}${LEVEL_LIST_BARE}`),
      re(`Công${S}an${S}các${S}${LEVEL_LIST}`),
      // Bodies of every district or commune: "Đài Truyền thanh các huyện, thị xã, thành phố", "Trung tâm Y tế các huyện".
      re(
        `(?:Đài${S}(?:Truyền${S}thanh|Phát${S}thanh)(?:${S}[-–]${S}Truyền${S}hình)?|Trung${S}tâm${S}(?:Y${S}tế|Văn${S}hóa(?:${S}[-–]${S}|${S}và${S}|\\s*,\\s*)(?:Thông${S}tin|Thể${S}thao)(?:${S}và${S}(?:Truyền${S}thông|Thể${S}thao))?)|Phòng${S}(?:Văn${S}hóa(?:${S}[-–]${S}|${S}và${S})Thông${S}tin|Kinh${S}tế|Y${S}tế|Giáo${S}dục(?:${S}và${S}Đào${S}tạo)?)|Ban${S}Chỉ${S}huy${S}[Qq]uân${S}sự)${S}các${S}${LEVEL_LIST}`,
      ),
    ],
    /** Groups named without "các": "ngành chức năng", "từng thành viên tiểu ban", "đơn vị thi công". */
    groupBare: re(
      `(?:(?:từng|mỗi)${S}${GROUP_CATEGORY}|[Cc]hính${S}quyền${S}(?:địa${S}phương|các${S}cấp|cơ${S}sở|các${S}${LEVEL_LIST})(?:${S}các${S}cấp)?|(?:ngành|cơ${S}quan|lực${S}lượng)${S}chức${S}năng|đơn${S}vị${S}thi${S}công|nhà${S}thầu(?:${S}thi${S}công)?)(?![\\p{L}])`,
    ),
    /** Heads of bodies whose names continue with capitalised words ("Ban Quản lý Khu Kinh tế …"). */
    genericHeads: re(
      `(?:Ban${S}[Qq]uản${S}lý|Ban${S}[Cc]hỉ${S}đạo|Ban${S}[Cc]hỉ${S}huy|Văn${S}phòng|Phòng|Trung${S}tâm|Đài|Báo|Cục|Chi${S}cục|Tổng${S}cục|Liên${S}hiệp${S}các${S}Hội|Hội${S}đồng|Hội(?=${S}\\p{Lu})|Viễn${S}thông|Bưu${S}điện|Viettel|VNPT|MobiFone|Mobifone|VinaPhone|Vinaphone|Trường|Bệnh${S}viện|Viện|Tổ${S}công${S}tác|Sở|Ủy${S}ban|Công${S}ty|Tập${S}đoàn|Tổng${S}công${S}ty)(?![\\p{L}])`,
    ),
    /** Heads that are a whole name by themselves ("Kho bạc Nhà nước tỉnh"). */
    completeHeads: re(
      `(?:Ban${S}[Cc]hỉ${S}đạo|Ban${S}[Dd]ân${S}tộc|Ban${S}[Tt]uyên${S}giáo|Ban${S}[Tt]ổ${S}chức|Kho${S}bạc${S}[Nn]hà${S}nước|Bảo${S}hiểm${S}[Xx]ã${S}hội|Ngân${S}hàng${S}[Nn]hà${S}nước(?:${S}Việt${S}Nam)?(?:${S}[Cc]hi${S}nhánh)?|Liên${S}đoàn${S}[Ll]ao${S}động|Ủy${S}ban${S}Mặt${S}trận${S}Tổ${S}quốc(?:${S}Việt${S}Nam)?|Mặt${S}trận${S}Tổ${S}quốc(?:${S}Việt${S}Nam)?|Viettel|VNPT|MobiFone|Mobifone|VinaPhone|Vinaphone|Bưu${S}điện|Cục${S}[Tt]huế|Cục${S}[Tt]hống${S}kê|Cục${S}[Hh]ải${S}quan)(?![\\p{L}])`,
    ),
    // "Giám đốc, Thủ trưởng các sở, ban, ngành": two titles over one group.
    title: re(`${TITLE_WORD}(?:\\s*,\\s*${TITLE_WORD})*(?:\\s*:\\s*|${S})`),
    groupCore: re(`(?:[Cc]ác|CÁC)${S}${GROUP_CATEGORY}(?:${GROUP_SEP}${GROUP_CATEGORY})*`),
    groupRelated: re(`(?:[Cc]ơ${S}quan|[Đđ]ơn${S}vị)(?:\\s*,\\s*đơn${S}vị)?${S}(?:có${S})?liên${S}quan`),
    qualRelated: re(`${S}(?:có${S})?liên${S}quan`),
    qualUnder: re(`${S}(?:trực${S}thuộc|thuộc)${S}`),
    qualPlace: re(
      `${S}(?:${LEVEL_PROV}|cấp${S}(?:tỉnh|thành${S}phố|huyện|xã|trung${S}ương)|thuộc${S}${LEVEL_PROV}|trên${S}địa${S}bàn(?:${S}${LEVEL_PROV})?)(?![\\p{L}])${PLACE}?`,
    ),
    qualFollowing: re(`${S}sau(?:${S}đây)?(?![\\p{L}])`),
    /** What a group is: "các Ban QLDA chuyên ngành tỉnh", "các cơ quan truyền thông trong tỉnh". */
    qualTail: re(
      `(?:${S}(?:[A-ZĐ][A-ZĐ&]{1,7}|nhà${S}nước|(?:có${S})?thẩm${S}quyền|chuyên${S}ngành|chuyên${S}môn|chức${S}năng|trực${S}thuộc|trong${S}tỉnh|trong${S}thành${S}phố|tại${S}địa${S}phương|đóng(?:${S}chân)?${S}trên${S}địa${S}bàn(?:${S}${LEVEL_PROV})?|[Tt]rung${S}ương|${LEVEL_PROV}|vui${S}chơi(?:\\s*,\\s*giải${S}trí)?)(?![\\p{L}]))+`,
    ),
    // "Phòng Văn hóa – Thông tin huyện, thị xã, thành phố": the office of each of several levels.
    level: re(`${S}(?:${LEVEL_LIST_BARE}|${LEVEL_ANY}${PLACE}?)`),
  };
}

export const EXACT_PATTERNS = buildPatterns(false);
export const CAPS_PATTERNS = buildPatterns(true);
