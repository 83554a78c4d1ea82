import type { Core } from '@strapi/strapi';

import { asWriteCall, isRecord, type DocumentMiddleware } from './document-params';
import { fieldError, visitFields } from './field-walk';
import { documentRule, WRITE_CALL_ACTIONS } from './document-rule';

/** Deepest nesting of nodes a body may have (lists in lists are the only deep shape the editor makes). */
const MAX_DEPTH = 12;

/** What a node is checked against: its allowed keys, and a check of its own fields besides `type` and `children`. */
type NodeShape = {
  keys: readonly string[];
  children: 'inline' | 'text' | 'list' | null;
  check?: (node: Record<string, unknown>) => string | null;
};

const isBooleanOrAbsent = (value: unknown) => value === undefined || typeof value === 'boolean';
const isStringOrAbsent = (value: unknown) =>
  value === undefined || value === null || typeof value === 'string';

const TEXT_MARKS = ['bold', 'italic', 'underline', 'strikethrough', 'code'] as const;

const INLINE: Readonly<Record<string, NodeShape>> = {
  text: {
    keys: ['type', 'text', ...TEXT_MARKS],
    children: null,
    check: (node) =>
      typeof node.text !== 'string'
        ? 'một nút chữ cần `text` là chuỗi'
        : TEXT_MARKS.every((mark) => isBooleanOrAbsent(node[mark]))
          ? null
          : 'định dạng chữ (bold, italic, ...) là true hoặc false',
  },
  link: {
    keys: ['type', 'url', 'children'],
    children: 'text',
    check: (node) => (typeof node.url === 'string' ? null : 'một liên kết cần `url` là chuỗi'),
  },
};

const LIST_ITEMS: Readonly<Record<string, NodeShape>> = {
  'list-item': { keys: ['type', 'children'], children: 'inline' },
};

const BLOCKS: Readonly<Record<string, NodeShape>> = {
  paragraph: { keys: ['type', 'children'], children: 'inline' },
  quote: { keys: ['type', 'children'], children: 'inline' },
  heading: {
    keys: ['type', 'level', 'children'],
    children: 'inline',
    check: (node) =>
      typeof node.level === 'number' && [1, 2, 3, 4, 5, 6].includes(node.level)
        ? null
        : 'cấp đề mục là từ 1 đến 6',
  },
  code: {
    keys: ['type', 'language', 'children'],
    children: 'text',
    check: (node) => (isStringOrAbsent(node.language) ? null : 'ngôn ngữ của khối mã là chuỗi'),
  },
  list: {
    keys: ['type', 'format', 'indentLevel', 'children'],
    children: 'list',
    check: (node) =>
      node.format !== 'ordered' && node.format !== 'unordered'
        ? 'kiểu danh sách là ordered hoặc unordered'
        : node.indentLevel === undefined || Number.isInteger(node.indentLevel)
          ? null
          : 'indentLevel của danh sách là số nguyên',
  },
  image: {
    keys: ['type', 'image', 'children'],
    children: 'inline',
    check: (node) =>
      isRecord(node.image) && typeof node.image.url === 'string'
        ? null
        : 'một khối ảnh cần `image` có `url`',
  },
};

const CHILD_SHAPES: Readonly<
  Record<'inline' | 'text' | 'list', Readonly<Record<string, NodeShape>>>
> = {
  inline: INLINE,
  text: { text: INLINE.text },
  list: { ...LIST_ITEMS, list: BLOCKS.list },
};

/** The first problem with `node` (as a node of one of `shapes`) and where it is, or null when it is well formed. */
const problemIn = (
  node: unknown,
  shapes: Readonly<Record<string, NodeShape>>,
  path: string[],
  depth: number
): { path: string[]; message: string } | null => {
  if (depth > MAX_DEPTH) return { path, message: `các nút lồng nhau quá ${MAX_DEPTH} cấp` };
  if (!isRecord(node) || typeof node.type !== 'string')
    return { path, message: 'phải là một nút (object) có `type`' };
  const shape = Object.prototype.hasOwnProperty.call(shapes, node.type)
    ? shapes[node.type]
    : undefined;
  if (!shape)
    return {
      path,
      message: `không dùng được nút loại "${node.type}" ở đây (chỉ: ${Object.keys(shapes).join(', ')})`,
    };
  const unknown = Object.keys(node).find((key) => !shape.keys.includes(key));
  if (unknown !== undefined)
    return { path, message: `nút ${node.type} không có khóa "${unknown}"` };
  const own = shape.check?.(node);
  if (own) return { path, message: own };
  if (!shape.children) return null;
  if (!Array.isArray(node.children) || (node.children.length === 0 && node.type !== 'list-item')) {
    return { path, message: `nút ${node.type} cần mảng \`children\` không rỗng` };
  }
  for (const [index, child] of node.children.entries()) {
    const problem = problemIn(
      child,
      CHILD_SHAPES[shape.children],
      [...path, 'children', String(index)],
      depth + 1
    );
    if (problem) return problem;
  }
  return null;
};

/** The first problem with a blocks value, or null; null and an empty body are fine (the field is optional). */
const blocksProblem = (value: unknown, path: string[]) => {
  if (value === null) return null;
  if (!Array.isArray(value)) return { path, message: 'phải là một mảng các khối (blocks)' };
  for (const [index, block] of value.entries()) {
    const problem = problemIn(block, BLOCKS, [...path, String(index)], 1);
    if (problem) return problem;
  }
  return null;
};

/**
 * Rich-text (blocks) fields such as an article's body hold Strapi blocks and nothing else: paragraphs,
 * headings, lists, quotes, code and images, made of text and link nodes. Checked here, with a depth cap, so a
 * body the editor could not display is refused whoever sends it (Strapi's own check lets some shapes through
 * and fails with a server error on others, e.g. a null block).
 */
export const blocksShapeRule = documentRule(
  WRITE_CALL_ACTIONS,
  (strapi: Core.Strapi): DocumentMiddleware =>
    async (ctx, next) => {
      const call = asWriteCall(ctx);
      if (!call || !call.uid.startsWith('api::')) return next();
      visitFields(strapi, call.uid, call.data, ({ path, attribute, value }) => {
        if (attribute.type !== 'blocks') return;
        const problem = blocksProblem(value, path);
        // On the field itself, so the admin panel shows it there; where inside the body, in the message.
        const inside = problem?.path.slice(path.length).join('.');
        if (problem)
          throw fieldError(path, inside ? `${problem.message} (tại ${inside})` : problem.message);
      });
      return next();
    }
);
