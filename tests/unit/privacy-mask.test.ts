import { describe, expect, it } from 'vitest';
import { maskPersonalData } from '../../bot/privacy-mask.ts';

describe('maskPersonalData', () => {
  it.each([
    ['NIK saya 3201234567890123 ya', 'NIK saya [NIK] ya'],
    ['no kk 3201 2345 6789 0123', 'no kk [NIK]'],
    ['hp 081234567890', 'hp [PHONE]'],
    ['wa +62 812-3456-7890 ya', 'wa [PHONE] ya'],
    ['email siti.aminah@mail.co.id', 'email [EMAIL]'],
    ['rekening 1234567890123', 'rekening [NUMBER]'],
    ['nik 3201  1234  5678  9012', 'nik [NIK]'],
    ['nik 3201 - 1234 - 5678 - 9012', 'nik [NIK]'],
    ['nik 3201/1234/5678/9012', 'nik [NIK]'],
    ['nik ３２０１１２３４５６７８９０１２', 'nik [NIK]'],
    ['hp 0812 - 3456 - 7890', 'hp [PHONE]'],
  ])('masks personal data in %j', (input, expected) => {
    expect(maskPersonalData(input)).toBe(expected);
  });

  it.each(['umur 17 tahun', 'tahun 2024', 'LYN-7K2Q9', 'Rp75.000.000', 'call centre 1500537', 'SMS 1708'])('leaves ordinary numbers in %j alone', (text) => {
    expect(maskPersonalData(text)).toBe(text);
  });
});
