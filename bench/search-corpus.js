// The generated corpus of bench/search.js: articles of commune, district and city unions in the portals' own
// phrasing, from a fixed seed (the same corpus every run). Places, events and people are the words the labelled
// queries of search-queries.json look for; some are near-homographs ("Dương" / "Đường") on purpose, and a few
// are written with the old tone placement ("Thuỵ", "Hoà"), as older portal texts are.
const PLACES = [
  'Tân Lập',
  'Đông Hòa',
  'Hòa Bình',
  'Thụy An',
  'Phú Thọ',
  'Đức Trọng',
  'Krông Pắc',
  'Ea Kar',
  'Buôn Đôn',
  'Lạc Dương',
  'Dương Minh Châu',
  'Đồng Xoài',
  'Thanh Hóa',
  'Quảng Trị',
  'Nghĩa Đàn',
  'Yên Thế',
  'Tiên Du',
  'Quế Võ',
  'Gia Bình',
  'Lương Tài',
  'Thuận Thành',
  'Cẩm Giàng',
  'Hưng Hà',
  'Vũ Thư',
  'Kiến Xương',
  'Thái Thụy',
  'Ân Thi',
  'Khoái Châu',
  'Mỹ Hào',
  'Văn Lâm',
  'Đại Từ',
  'Phổ Yên',
  'Định Hóa',
  'Võ Nhai',
  'Sơn Dương',
  'Hàm Yên',
  'Chiêm Hóa',
  'Na Hang',
  'Lâm Bình',
  'Bảo Lâm',
  'Trùng Khánh',
  'Quảng Hòa',
  'Hạ Lang',
  'Nguyên Bình',
  'Thạch An',
  'Cư Kuin',
  'Ea Súp',
  'Cư Jút',
  'Đắk Mil',
  'Đắk Song',
  'Tuy Đức',
  'Đắk Glong',
  'Bù Đăng',
  'Chơn Thành',
  'Hớn Quản',
  'Lộc Ninh',
  'Bù Đốp',
  'Phước Long',
];
const LEVELS = ['xã', 'huyện', 'thị trấn', 'phường', 'thành phố'];
const EVENTS = [
  'tổ chức Hội nghị Ban Chấp hành',
  'sơ kết công tác Hội 6 tháng đầu năm',
  'tổng kết công tác Hội và phong trào phụ nữ',
  'ra mắt mô hình “Đường hoa phụ nữ”',
  'trao Giấy khen cho tập thể, cá nhân xuất sắc',
  'tuyên dương phụ nữ khởi nghiệp',
  'tập huấn kỹ năng chuyển đổi số',
  'giải ngân vốn vay ưu đãi',
  'phát động phong trào chống rác thải nhựa',
  'tổ chức Đại hội đại biểu phụ nữ',
  'thăm và tặng quà gia đình khó khăn',
  'hưởng ứng Tháng hành động vì bình đẳng giới',
  'xây dựng gia đình hạnh phúc, hoà thuận',
  'tuyên truyền phòng chống bạo lực gia đình',
  'hỗ trợ trường mầm non',
  'nâng cấp con đường nông thôn',
];
const PEOPLE = [
  'Nguyễn Thị Thuỵ Vân',
  'Trần Thị Hoà',
  'Lê Thị Dương',
  'Phạm Thị Hương',
  'Hoàng Thị Thủy',
  'Đỗ Thị Đường',
  'Vũ Thị Khuê',
  'Bùi Thị Nguyệt',
  'Đặng Thị Loan',
  'Ngô Thị Quyên',
];
const SENTENCES = [
  'Đồng chí {person}, Chủ tịch Hội LHPN {level} {place}, phát biểu khai mạc hội nghị.',
  'Năm qua, các cấp Hội tại {place} đã vận động hội viên tham gia phong trào thi đua yêu nước.',
  'Hội đã phối hợp với Ngân hàng Chính sách xã hội giải ngân vốn vay cho hội viên {place2}.',
  'Nhiều mô hình hay như “Đường hoa phụ nữ”, “Tổ phụ nữ không rác thải nhựa” được nhân rộng.',
  'Dịp này, Hội LHPN {level} trao Giấy khen cho các tập thể, cá nhân có thành tích xuất sắc.',
  'Chị {person} chia sẻ kinh nghiệm khởi nghiệp từ nông sản địa phương.',
  'Hội nghị đã thảo luận, thống nhất phương hướng nhiệm vụ năm {year}.',
  'Đại biểu {place2} đề xuất giải pháp hỗ trợ phụ nữ yếu thế, xây dựng gia đình hạnh phúc.',
  'Phong trào phụ nữ tích cực học tập, lao động sáng tạo, xây dựng gia đình hạnh phúc được triển khai rộng khắp.',
  'Tham dự có lãnh đạo Huyện ủy, UBND {level} {place} và đại diện các ban, ngành, đoàn thể.',
];

/** A small deterministic PRNG (mulberry32): the same corpus on both databases and in every run. */
const random = (seed) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const generateArticles = (count, seed = 20261124) => {
  const next = random(seed);
  const pick = (list) => list[Math.floor(next() * list.length)];
  return Array.from({ length: count }, (_, n) => {
    const place = pick(PLACES);
    const level = pick(LEVELS);
    const year = 2018 + Math.floor(next() * 8);
    const fill = (sentence) =>
      sentence
        .replace('{person}', pick(PEOPLE))
        .replace('{level}', level)
        .replace('{place}', place)
        .replace('{place2}', pick(PLACES))
        .replace('{year}', String(year));
    const paragraphs = Array.from({ length: 3 + Math.floor(next() * 4) }, () =>
      fill(pick(SENTENCES))
    );
    const date = new Date(Date.UTC(year, Math.floor(next() * 12), 1 + Math.floor(next() * 28), 8));
    return {
      documentId: `searchbench${String(n).padStart(12, '0')}`,
      title: `Hội LHPN ${level} ${place} ${pick(EVENTS)} năm ${year}`,
      slug: `search-bench-${n}`,
      summary: paragraphs[0],
      body: paragraphs.map((text) => ({ type: 'paragraph', children: [{ type: 'text', text }] })),
      author: pick(PEOPLE),
      publishedDate: date.toISOString(),
    };
  });
};

module.exports = { generateArticles };
