import {
  boolean,
  integer,
  list,
  oneOf,
  required,
  requiredList,
  text,
  url,
} from '../../config/lib/settings';

const KEY = 'SETTINGS_TEST_VALUE';
const withValue = (value: string | undefined, read: () => unknown) => {
  if (value === undefined) delete process.env[KEY];
  else process.env[KEY] = value;
  try {
    return read();
  } finally {
    delete process.env[KEY];
  }
};

describe('blank means not set', () => {
  it.each(['', '   ', undefined])('%j falls back to the default for every kind', (value) => {
    expect(withValue(value, () => text(KEY, 'x'))).toBe('x');
    expect(withValue(value, () => integer(KEY, 7))).toBe(7);
    expect(withValue(value, () => boolean(KEY, true))).toBe(true);
    expect(withValue(value, () => oneOf(KEY, ['a', 'b'], 'b'))).toBe('b');
    expect(withValue(value, () => list(KEY, ['d']))).toEqual(['d']);
    expect(withValue(value, () => url(KEY, ''))).toBe('');
  });

  it('drops blank list items instead of keeping [""]', () => {
    expect(withValue(' a, ,b ,', () => list(KEY))).toEqual(['a', 'b']);
  });

  it('refuses a blank required value, naming the variable', () => {
    expect(() => withValue(' ', () => required(KEY))).toThrow(/SETTINGS_TEST_VALUE is required/);
    expect(() => withValue(', ,', () => requiredList(KEY))).toThrow(
      /SETTINGS_TEST_VALUE is required/
    );
  });
});

describe('a bad value names the variable', () => {
  it.each([
    ['abc', () => integer(KEY, 1)],
    ['1.5', () => integer(KEY, 1)],
    ['70000', () => integer(KEY, 1, 1, 65535)],
    [' 0x10', () => integer(KEY, 1)],
    ['maybe', () => boolean(KEY, false)],
    ['loud', () => oneOf(KEY, ['error', 'warn'], 'warn')],
    ['not a url', () => url(KEY, '')],
    ['ftp://example.vn', () => url(KEY, '')],
    [
      '10.0.0.1,nope',
      () => list(KEY, [], { expected: 'addresses', valid: (item) => /^[\d.]+$/.test(item) }),
    ],
  ])('%j', (value, read) => {
    expect(() => withValue(value, read)).toThrow(new RegExp(`${KEY} must be`));
  });
});

describe('good values', () => {
  it('reads them trimmed', () => {
    expect(withValue(' 42 ', () => integer(KEY, 1))).toBe(42);
    expect(withValue('FALSE', () => boolean(KEY, true))).toBe(false);
    expect(withValue('1', () => boolean(KEY, false))).toBe(true);
    expect(withValue('https://phunu.example.vn/', () => url(KEY, ''))).toBe(
      'https://phunu.example.vn'
    );
    expect(withValue('warn', () => oneOf(KEY, ['error', 'warn'], 'error'))).toBe('warn');
  });
});
