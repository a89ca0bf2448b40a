import { AppError } from '../../errors';
import { placeKey } from './names';

/**
 * The administrator's boundary file: a GeoJSON FeatureCollection of polygons, each feature named
 * by a property that is matched to unit names after folding ("Quận Lê Chân", "LE CHAN" and
 * "Ủy ban nhân dân quận Lê Chân" are the same place). Only the geometry, the name and the match
 * key are kept, which also drops whatever else a GIS export carries.
 */

export const MAP_LIMIT_BYTES = 8 * 1_048_576;

const NAME_CANDIDATES = ['name', 'ten', 'Ten', 'TEN', 'Name', 'NAME', 'ten_xa', 'ten_huyen', 'tenHuyen', 'ten_dvhc', 'TenDVHC', 'NAME_3', 'NAME_2', 'NAME_1'];
const GEOMETRIES = new Set(['Polygon', 'MultiPolygon']);
const MAX_LISTED = 8;

export interface MatchableUnit {
  id: string;
  name: string;
  aliases: readonly string[];
}

export interface CheckedMap {
  nameProperty: string;
  geojson: { type: 'FeatureCollection'; features: Array<{ type: 'Feature'; properties: { name: string; hd_key: string }; geometry: unknown }> };
  featureCount: number;
  matchedCount: number;
  unmatched: string[];
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function invalid(message: string): AppError {
  return new AppError('VALIDATION', message, 'file');
}

function listed(items: readonly string[]): string {
  const shown = items.slice(0, MAX_LISTED).join('; ');
  return items.length > MAX_LISTED ? `${shown}; … và ${items.length - MAX_LISTED} lỗi khác` : shown;
}

function coordinatesOk(type: string, c: unknown): boolean {
  if (!Array.isArray(c) || c.length === 0) return false;
  const ring = (r: unknown) => Array.isArray(r) && r.length >= 4 && r.every((p) => Array.isArray(p) && p.length >= 2 && p.every((n) => typeof n === 'number' && Number.isFinite(n)));
  if (type === 'Polygon') return c.every(ring);
  return c.every((poly) => Array.isArray(poly) && poly.length > 0 && poly.every(ring));
}

function detectNameProperty(features: readonly Json[]): string | null {
  for (const key of NAME_CANDIDATES) {
    if (features.every((f) => isObject(f.properties) && typeof f.properties[key] === 'string' && f.properties[key].trim() !== '')) return key;
  }
  return null;
}

export function checkGeoJson(buffer: Buffer, units: readonly MatchableUnit[], requestedProperty?: string): CheckedMap {
  if (buffer.length > MAP_LIMIT_BYTES) {
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      `Tệp bản đồ quá lớn (${(buffer.length / 1_048_576).toFixed(1)} MB); giới hạn ${MAP_LIMIT_BYTES / 1_048_576} MB. Hãy giản lược ranh giới (ví dụ bằng mapshaper) rồi tải lại.`,
      'file',
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(buffer.toString('utf8').replace(/^\uFEFF/, ''));
  } catch (err) {
    throw invalid(`Tệp không phải JSON hợp lệ: ${(err as Error).message}`);
  }
  if (!isObject(data)) throw invalid('Tệp GeoJSON phải là một đối tượng JSON có "type": "FeatureCollection".');
  if (data.type !== 'FeatureCollection') {
    throw invalid(`GeoJSON phải là một FeatureCollection (tập các vùng); tệp này có "type": ${JSON.stringify(data.type ?? null)}.`);
  }
  if (!Array.isArray(data.features) || data.features.length === 0) throw invalid('FeatureCollection không có vùng nào (mảng "features" rỗng hoặc thiếu).');
  const features = data.features as unknown[];
  const problems: string[] = [];
  features.forEach((f, i) => {
    const n = i + 1;
    if (!isObject(f) || f.type !== 'Feature') return void problems.push(`vùng thứ ${n} không phải một Feature`);
    const g = f.geometry;
    if (!isObject(g) || typeof g.type !== 'string') return void problems.push(`vùng thứ ${n} không có hình học (geometry)`);
    if (!GEOMETRIES.has(g.type)) return void problems.push(`vùng thứ ${n} có hình học ${g.type}, cần Polygon hoặc MultiPolygon`);
    if (!coordinatesOk(g.type, g.coordinates)) problems.push(`vùng thứ ${n} có toạ độ không hợp lệ`);
  });
  if (problems.length > 0) throw invalid(`GeoJSON không hợp lệ: ${listed(problems)}.`);

  const objects = features as Json[];
  const nameProperty = requestedProperty?.trim() || detectNameProperty(objects);
  if (!nameProperty) {
    throw invalid(`Không tìm thấy thuộc tính tên chung cho mọi vùng (đã thử: ${NAME_CANDIDATES.slice(0, 6).join(', ')}…). Hãy ghi rõ tên thuộc tính chứa tên đơn vị.`);
  }
  const unnamed = objects.flatMap((f, i) => (isObject(f.properties) && typeof f.properties[nameProperty] === 'string' && f.properties[nameProperty].trim() ? [] : [`vùng thứ ${i + 1}`]));
  if (unnamed.length > 0) throw invalid(`Thiếu tên (thuộc tính «${nameProperty}») ở ${listed(unnamed)}.`);

  const known = new Set<string>();
  for (const u of units) for (const n of [u.name, ...u.aliases]) known.add(placeKey(n));
  const seen = new Map<string, number>();
  const duplicates: string[] = [];
  const unmatched: string[] = [];
  const out: CheckedMap['geojson']['features'] = objects.map((f, i) => {
    const name = String((f.properties as Json)[nameProperty]).normalize('NFC').trim();
    const key = placeKey(name);
    const first = seen.get(key);
    if (first !== undefined) duplicates.push(`«${name}» (vùng ${first} và ${i + 1})`);
    else seen.set(key, i + 1);
    if (!known.has(key)) unmatched.push(name);
    return { type: 'Feature', properties: { name, hd_key: key }, geometry: f.geometry };
  });
  if (duplicates.length > 0) throw invalid(`Tên vùng bị trùng: ${listed(duplicates)}. Mỗi đơn vị chỉ được có một vùng.`);
  const matchedCount = out.length - unmatched.length;
  if (matchedCount === 0) {
    throw invalid(`Không vùng nào khớp với tên đơn vị trong danh mục (ví dụ: ${listed(unmatched.slice(0, 5))}). Hãy kiểm tra thuộc tính tên «${nameProperty}».`);
  }
  return { nameProperty, geojson: { type: 'FeatureCollection', features: out }, featureCount: out.length, matchedCount, unmatched };
}
