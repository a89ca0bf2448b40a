import { foldVietnamese } from '../../../core/text/fold';

const COMMITTEE = /^(ủy ban nhân dân|uỷ ban nhân dân|ubnd)\s+/i;
const LEVEL = /^(quận|huyện|thành phố|tp\.?|thị xã|phường|xã|thị trấn|đặc khu)\s+/i;

/** "Ủy ban nhân dân quận Lê Chân" → "Lê Chân": what a tile or a map label shows. */
export function placeName(unitName: string): string {
  return unitName.normalize('NFC').replace(COMMITTEE, '').replace(LEVEL, '').trim();
}

/** Folded place name, the key GeoJSON features are matched on ("Quận Lê Chân", "LE CHAN", "Lê Chân" all agree). */
export function placeKey(name: string): string {
  return foldVietnamese(name)
    .replace(/^(uy ban nhan dan|ubnd)\s+/, '')
    .replace(/^(quan|huyen|thanh pho|tp\.?|thi xa|phuong|xa|thi tran|dac khu)\s+/, '')
    .replace(/[^a-z0-9 ]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
