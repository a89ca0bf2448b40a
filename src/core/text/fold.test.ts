import { describe, expect, it } from 'vitest';
import { compareVietnamese, foldVietnamese, normalizeText } from './fold';

describe('Vietnamese text', () => {
  it('folds NFC and NFD spellings of the same name to one key', () => {
    const nfc = 'Sở Thông tin và Truyền thông';
    const nfd = nfc.normalize('NFD');
    expect(nfd).not.toBe(nfc);
    expect(foldVietnamese(nfd)).toBe('so thong tin va truyen thong');
    expect(foldVietnamese(nfc)).toBe(foldVietnamese(nfd));
  });

  it('maps đ to d and collapses whitespace', () => {
    expect(foldVietnamese('  Đồ   Sơn ')).toBe('do son');
  });

  it('stores NFC', () => {
    expect(normalizeText('Hải  Phòng'.normalize('NFD'))).toBe('Hải Phòng'.normalize('NFC'));
  });

  it('sorts in Vietnamese alphabetical order', () => {
    const words = ['ông', 'ăn', 'Đà Nẵng', 'anh', 'Dương', 'âm', 'ba'];
    expect([...words].sort(compareVietnamese)).toEqual(['anh', 'ăn', 'âm', 'ba', 'Dương', 'Đà Nẵng', 'ông']);
  });
});
