import { exactKey, fold, indexForms, isMarked, lowerNfc, tokenize } from '../../src/search/fold';
import { snippet } from '../../src/search/highlight';
import { matchesExact, matchesFolded, parseTerms } from '../../src/search/query';
import { score } from '../../src/search/rank';
import { mayBeTypo, oneEditVariants } from '../../src/search/typo';

describe('fold', () => {
  it('drops every mark, lowercases, and reads đ as d', () => {
    expect(fold('Đường')).toBe('duong');
    expect(['Từ', 'Sơn', 'Nghiệp', 'ĐẮK', 'Krông'].map(fold)).toEqual([
      'tu',
      'son',
      'nghiep',
      'dak',
      'krong',
    ]);
  });

  it('gives NFC and NFD the same forms', () => {
    const word = 'Trường';
    expect(fold(word.normalize('NFD'))).toBe(fold(word.normalize('NFC')));
    expect(exactKey(word.normalize('NFD'))).toBe(exactKey(word.normalize('NFC')));
    expect(tokenize('Hội nghị'.normalize('NFD')).map((token) => fold(token.text))).toEqual([
      'hoi',
      'nghi',
    ]);
  });
});

describe('exactKey', () => {
  it('is the same for old and new tone placement', () => {
    expect(exactKey('hoà')).toBe(exactKey('hòa'));
    expect(exactKey('thuỵ')).toBe(exactKey('thụy'));
    expect(exactKey('khoẻ')).toBe(exactKey('khỏe'));
    expect(exactKey('HOÀ')).toBe(exactKey('hòa'));
  });

  it('keeps apart words that differ by a mark', () => {
    const keys = ['duong', 'dương', 'đường', 'dường', 'đương'].map(exactKey);
    expect(new Set(keys).size).toBe(5);
    expect(exactKey('hòa')).not.toBe(exactKey('hóa'));
  });

  it('knows which words carry marks', () => {
    expect(isMarked('dương')).toBe(true);
    expect(isMarked('Đ')).toBe(true);
    expect(isMarked('Duong')).toBe(false);
  });
});

describe('indexForms and lowerNfc', () => {
  it('joins the words of a text in both forms', () => {
    expect(indexForms('Hội LHPN, Từ Sơn!')).toEqual({
      exact: `${exactKey('Hội')} lhpn ${exactKey('Từ')} ${exactKey('Sơn')}`,
      folded: 'hoi lhpn tu son',
    });
  });

  it('lowercases Vietnamese capitals in NFC, marks kept', () => {
    expect(lowerNfc('TỪ SƠN'.normalize('NFD'))).toBe('từ sơn');
  });
});

describe('query terms', () => {
  it('treats the last word as a prefix, its tone only once typed', () => {
    const [first, last] = parseTerms('hội trườ');
    expect(first.prefix).toBe(false);
    expect(matchesFolded(last, 'truong')).toBe(true);
    expect(matchesFolded(first, 'hoinghi')).toBe(false);
    expect(matchesExact(last, exactKey('trường'))).toBe(true);
    expect(matchesExact(last, exactKey('trương'))).toBe(false);
    const [untoned] = parseTerms('dươ');
    expect(matchesExact(untoned, exactKey('dưỡng'))).toBe(true);
    expect(matchesExact(untoned, exactKey('đường'))).toBe(false);
  });
});

describe('oneEditVariants', () => {
  it('holds every word one edit away', () => {
    const variants = new Set(oneEditVariants('truogn'));
    expect(variants.has('truong')).toBe(true); // swapped
    expect(variants.has('truon')).toBe(true); // one missing
    expect(variants.has('truogns')).toBe(true); // one extra
    expect(variants.has('trxogn')).toBe(true); // one wrong
    expect(variants.has('truogn')).toBe(false);
    expect(variants.has('tuogn')).toBe(true);
    expect(variants.has('tuog')).toBe(false); // two edits
  });

  it('is asked only for words of 5 to 20 letters', () => {
    expect(['son', 'truon', 'truogn', 'x'.repeat(20), 'x'.repeat(21)].map(mayBeTypo)).toEqual([
      false,
      true,
      true,
      true,
      false,
    ]);
  });
});

describe('score', () => {
  const words = (title: string, body = '') => {
    const t = indexForms(title);
    const b = indexForms(body);
    const split = (joined: string) => (joined === '' ? [] : joined.split(' '));
    return {
      titleExact: split(t.exact),
      titleFolded: split(t.folded),
      bodyExact: split(b.exact),
      bodyFolded: split(b.folded),
    };
  };
  const rank = (q: string, title: string, body = '') => score(parseTerms(q), words(title, body));

  it('puts the exact marks first', () => {
    expect(rank('dương', 'Dương')).toBeGreaterThan(rank('dương', 'Đường'));
    expect(rank('dương', 'Tin', 'dương')).toBeGreaterThan(rank('dương', 'Đường đường', 'đường'));
    expect(rank('duong', 'Dương')).toBe(rank('duong', 'Đường'));
  });

  it('puts a title above a text, a phrase above scattered words', () => {
    expect(rank('khoi nghiep', 'Khởi nghiệp')).toBeGreaterThan(
      rank('khoi nghiep', 'Tin', 'khởi nghiệp')
    );
    expect(rank('khoi nghiep', 'Tin', 'khởi nghiệp')).toBeGreaterThan(
      rank('khoi nghiep', 'Tin', 'nghiệp vụ khởi đầu')
    );
  });
});

describe('snippet', () => {
  it('marks the words however they are written, and escapes HTML', () => {
    const terms = parseTerms('tu son');
    expect(snippet('Hội LHPN <b>TỪ SƠN</b> họp', terms)).toBe(
      'Hội LHPN &lt;b&gt;<mark>TỪ</mark> <mark>SƠN</mark>&lt;/b&gt; họp'
    );
  });

  it('shows a window around the matches of a long text', () => {
    const text = `${'một '.repeat(100)}Từ Sơn ${'hai '.repeat(100)}`;
    const shown = snippet(text, parseTerms('tu son'));
    expect(shown.startsWith('… ')).toBe(true);
    expect(shown.endsWith(' …')).toBe(true);
    expect(shown).toContain('<mark>Từ</mark> <mark>Sơn</mark>');
  });
});
