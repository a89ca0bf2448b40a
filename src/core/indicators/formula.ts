import { RuleError } from '../errors';

/**
 * Formula indicators: arithmetic over other indicators' codes, e.g.
 * `(CQS_01 + CQS_02) / CQS_03 * 100`. A hand-written parser, never `eval`: the formula comes
 * from an administrator's form, and the grammar is only
 *   expr   := term (('+' | '-') term)*
 *   term   := unary (('*' | '/') unary)*
 *   unary  := ('+' | '-') unary | atom
 *   atom   := number | code | '(' expr ')'
 * with × ÷ − accepted for * / - because officers copy formulas from Word documents.
 * Codes are letters, digits and underscores starting with a letter (`CQS_01`, `KTS_2A`).
 */
export type FormulaNode =
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'code'; readonly code: string }
  | { readonly kind: 'neg'; readonly operand: FormulaNode }
  | {
      readonly kind: 'binary';
      readonly op: '+' | '-' | '*' | '/';
      readonly left: FormulaNode;
      readonly right: FormulaNode;
    };

type Token =
  | { readonly type: 'number'; readonly value: number; readonly pos: number }
  | { readonly type: 'code'; readonly code: string; readonly pos: number }
  | { readonly type: 'op'; readonly op: '+' | '-' | '*' | '/' | '(' | ')'; readonly pos: number };

const MAX_LENGTH = 2000;
const MAX_DEPTH = 100;

const OP_ALIASES: Readonly<Record<string, '+' | '-' | '*' | '/' | '(' | ')'>> = {
  '+': '+',
  '-': '-',
  '\u2212': '-',
  '\u2013': '-',
  '*': '*',
  '\u00d7': '*',
  '/': '/',
  '\u00f7': '/',
  '(': '(',
  ')': ')',
};

function syntax(message: string, source: string, pos: number): RuleError {
  return new RuleError('formula_syntax', `Công thức không hợp lệ tại vị trí ${pos + 1}: ${message}.`, { source, pos });
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i] ?? '';
    if (/\s/.test(ch)) {
      i += 1;
      continue;
    }
    const op = OP_ALIASES[ch];
    if (op !== undefined) {
      tokens.push({ type: 'op', op, pos: i });
      i += 1;
      continue;
    }
    const num = /^(\d+(?:\.\d+)?)/.exec(source.slice(i));
    if (num?.[1] !== undefined) {
      const after = source[i + num[1].length] ?? '';
      if (/[A-Za-z_]/.test(after)) throw syntax(`mã chỉ tiêu không được bắt đầu bằng chữ số ("${num[1]}${after}…")`, source, i);
      tokens.push({ type: 'number', value: Number(num[1]), pos: i });
      i += num[1].length;
      continue;
    }
    const code = /^([A-Za-z][A-Za-z0-9_]*)/.exec(source.slice(i));
    if (code?.[1] !== undefined) {
      tokens.push({ type: 'code', code: code[1], pos: i });
      i += code[1].length;
      continue;
    }
    throw syntax(`ký tự không được phép "${ch}"`, source, i);
  }
  return tokens;
}

/** Parses a formula; throws RuleError('formula_syntax') with the position of the fault. */
export function parseFormula(source: string): FormulaNode {
  if (typeof source !== 'string' || source.trim() === '') {
    throw new RuleError('formula_syntax', 'Công thức không được để trống.', source);
  }
  if (source.length > MAX_LENGTH) {
    throw new RuleError('formula_syntax', `Công thức quá dài (tối đa ${MAX_LENGTH} ký tự).`, source.length);
  }
  const tokens = tokenize(source);
  let at = 0;
  const peek = (): Token | undefined => tokens[at];
  const posOf = (t: Token | undefined): number => t?.pos ?? source.length;
  const isOp = (t: Token | undefined, ...ops: string[]): t is Extract<Token, { type: 'op' }> =>
    t !== undefined && t.type === 'op' && ops.includes(t.op);

  function expr(depth: number): FormulaNode {
    if (depth > MAX_DEPTH) throw syntax('lồng ngoặc quá sâu', source, posOf(peek()));
    let left = term(depth);
    for (let t = peek(); isOp(t, '+', '-'); t = peek()) {
      at += 1;
      left = { kind: 'binary', op: t.op as '+' | '-', left, right: term(depth) };
    }
    return left;
  }

  function term(depth: number): FormulaNode {
    let left = unary(depth);
    for (let t = peek(); isOp(t, '*', '/'); t = peek()) {
      at += 1;
      left = { kind: 'binary', op: t.op as '*' | '/', left, right: unary(depth) };
    }
    return left;
  }

  function unary(depth: number): FormulaNode {
    const t = peek();
    if (depth > MAX_DEPTH) throw syntax('lồng dấu quá sâu', source, posOf(t));
    if (isOp(t, '+', '-')) {
      at += 1;
      const operand = unary(depth + 1);
      return t.op === '-' ? { kind: 'neg', operand } : operand;
    }
    return atom(depth);
  }

  function atom(depth: number): FormulaNode {
    const t = peek();
    if (t === undefined) throw syntax('công thức kết thúc khi còn thiếu số hạng', source, source.length);
    if (t.type === 'number') {
      at += 1;
      return { kind: 'number', value: t.value };
    }
    if (t.type === 'code') {
      at += 1;
      return { kind: 'code', code: t.code };
    }
    if (t.op === '(') {
      at += 1;
      const inner = expr(depth + 1);
      const close = peek();
      if (!isOp(close, ')')) throw syntax('thiếu dấu đóng ngoặc ")"', source, posOf(close));
      at += 1;
      return inner;
    }
    throw syntax(`không mong đợi "${t.op}"`, source, t.pos);
  }

  const tree = expr(0);
  const rest = peek();
  if (rest !== undefined) {
    const shown = rest.type === 'op' ? rest.op : rest.type === 'code' ? rest.code : String(rest.value);
    throw syntax(`thừa "${shown}"`, source, rest.pos);
  }
  return tree;
}

/** Indicator codes a formula reads, sorted, without duplicates. */
export function formulaCodes(formula: string | FormulaNode): string[] {
  const tree = typeof formula === 'string' ? parseFormula(formula) : formula;
  const out = new Set<string>();
  const walk = (n: FormulaNode): void => {
    switch (n.kind) {
      case 'number':
        return;
      case 'code':
        out.add(n.code);
        return;
      case 'neg':
        walk(n.operand);
        return;
      case 'binary':
        walk(n.left);
        walk(n.right);
        return;
    }
  };
  walk(tree);
  return [...out].sort();
}

export type FormulaValues = ReadonlyMap<string, number | null> | Readonly<Record<string, number | null>>;

function lookup(values: FormulaValues, code: string): { found: boolean; value: number | null } {
  if (values instanceof Map) {
    return values.has(code) ? { found: true, value: values.get(code) ?? null } : { found: false, value: null };
  }
  const record = values as Readonly<Record<string, number | null>>;
  return Object.prototype.hasOwnProperty.call(record, code)
    ? { found: true, value: record[code] ?? null }
    : { found: false, value: null };
}

/**
 * Evaluates a formula. A code absent from `values` is an unknown indicator; a code present with
 * null has no value for the period yet. Both, and division by zero, throw typed errors so the
 * caller can show "chưa có số liệu" rather than a wrong number.
 */
export function evaluateFormula(formula: string | FormulaNode, values: FormulaValues): number {
  const tree = typeof formula === 'string' ? parseFormula(formula) : formula;
  const ev = (n: FormulaNode): number => {
    switch (n.kind) {
      case 'number':
        return n.value;
      case 'code': {
        const { found, value } = lookup(values, n.code);
        if (!found) {
          throw new RuleError('formula_unknown_code', `Công thức dùng mã chỉ tiêu không tồn tại: ${n.code}.`, n.code);
        }
        if (value === null) {
          throw new RuleError('formula_missing_value', `Chỉ tiêu ${n.code} chưa có số liệu.`, n.code);
        }
        if (!Number.isFinite(value)) {
          throw new RuleError('invalid_value', `Giá trị của chỉ tiêu ${n.code} không phải là số hợp lệ.`, n.code);
        }
        return value;
      }
      case 'neg':
        return -ev(n.operand);
      case 'binary': {
        const left = ev(n.left);
        const right = ev(n.right);
        switch (n.op) {
          case '+':
            return left + right;
          case '-':
            return left - right;
          case '*':
            return left * right;
          case '/':
            if (right === 0) {
              throw new RuleError('formula_division_by_zero', 'Công thức chia cho 0 (mẫu số bằng 0).', n);
            }
            return left / right;
        }
      }
    }
  };
  const result = ev(tree);
  if (!Number.isFinite(result)) {
    throw new RuleError('invalid_value', 'Kết quả công thức vượt quá giới hạn số.', result);
  }
  return result;
}

/**
 * Order in which formula indicators must be computed when formulas read other formulas.
 * Codes not defined in `formulas` are inputs. Throws RuleError('formula_cycle') naming
 * the loop, because a cycle would otherwise never settle.
 */
export function formulaEvaluationOrder(formulas: Readonly<Record<string, string>>): string[] {
  const deps = new Map<string, string[]>();
  for (const [code, source] of Object.entries(formulas)) {
    deps.set(code, formulaCodes(source).filter((c) => Object.prototype.hasOwnProperty.call(formulas, c)));
  }
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (code: string, path: string[]): void => {
    const s = state.get(code);
    if (s === 'done') return;
    if (s === 'visiting') {
      const loop = [...path.slice(path.indexOf(code)), code].join(' → ');
      throw new RuleError('formula_cycle', `Công thức chỉ tiêu tham chiếu vòng: ${loop}.`, loop);
    }
    state.set(code, 'visiting');
    for (const d of deps.get(code) ?? []) visit(d, [...path, code]);
    state.set(code, 'done');
    order.push(code);
  };
  for (const code of [...deps.keys()].sort()) visit(code, []);
  return order;
}
