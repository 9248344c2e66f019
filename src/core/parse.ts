/** Parse a payload file's text into a value plus a tree that knows where everything is. */
import { getNodeValue, parseTree, printParseErrorCode, visit, type Node, type ParseError } from 'jsonc-parser';
import type { Problem } from './problem';
import { MAX_NESTING, TOO_DEEP_MESSAGE, nestingDepth } from './nesting';
import { MAX_REPORTED_PROBLEMS, moreProblems } from './problem-cap';
import { fromPointer, toPointer, type PathSegment } from './pointer';

export interface ParsedDocument {
  text: string;
  /** True when no value could be read at all (empty file, or garbage before any value). */
  empty: boolean;
  /** The value as far as it could be read (jsonc-parser recovers from errors). */
  value: unknown;
  /** JSON syntax errors, located. */
  problems: Problem[];
  /**
   * The syntax tree with offsets. Built on first use: for valid JSON the value comes from the
   * much faster JSON.parse, and the tree is needed only to locate a problem.
   */
  readonly root: Node | undefined;
}

const syntaxAdvice: Record<string, string> = {
  InvalidSymbol: 'remove or quote it',
  InvalidNumberFormat: 'write the number in JSON form (no leading zeros, no trailing dot)',
  PropertyNameExpected: 'property names are double-quoted strings; remove a trailing comma if there is one',
  ValueExpected: 'add a value here, or remove the trailing comma',
  ColonExpected: 'add ":" between the property name and its value',
  CommaExpected: 'add "," between the items',
  CloseBraceExpected: 'close the object with "}"',
  CloseBracketExpected: 'close the array with "]"',
  EndOfFileExpected: 'a payload file holds exactly one JSON value; remove what follows it',
  InvalidCommentToken: 'JSON has no comments: the file is sent as it is, so remove the comment',
  UnexpectedEndOfComment: 'JSON has no comments: remove the comment',
  UnexpectedEndOfString: 'close the string with a double quote',
  UnexpectedEndOfNumber: 'complete the number',
  InvalidUnicode: 'write \\u followed by four hex digits',
  InvalidEscapeCharacter: 'escape a backslash as \\\\',
  InvalidCharacter: 'control characters must be escaped inside strings (\\n, \\t)',
};

function describe(error: ParseError): string {
  const name = printParseErrorCode(error.error);
  const words = name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  const advice = syntaxAdvice[name];
  return `JSON syntax: ${words}${advice ? `: ${advice}` : ''}.`;
}

/** The offset of a "," that directly precedes the closing bracket at `offset`, if that is the fault. */
function trailingComma(text: string, offset: number): number | undefined {
  if (text[offset] !== '}' && text[offset] !== ']') return undefined;
  let i = offset - 1;
  while (i >= 0 && /\s/.test(text[i])) i--;
  return text[i] === ',' ? i : undefined;
}

const TOO_MANY = new Error('too many syntax errors');

// The payload is the wire body: comments and trailing commas are errors, as the API would say.
const PARSE_OPTIONS = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: true } as const;

export function parseDocument(text: string): ParsedDocument {
  // jsonc-parser recurses once per level: past the nesting limit it would overflow the stack.
  const tooDeep = () => nestingDepth(text, MAX_NESTING) > MAX_NESTING;
  let tree: Node | undefined | null = null; // null = not built yet
  const build = () => (tree === null ? (tree = tooDeep() ? undefined : parseTree(text, [], PARSE_OPTIONS)) : tree);

  // Fast path: valid JSON (the common case) is read by JSON.parse; the tree waits until needed.
  if (/\S/.test(text)) {
    try {
      const value: unknown = JSON.parse(text);
      return {
        text,
        empty: false,
        value,
        problems: [],
        get root() {
          return build();
        },
      };
    } catch {
      // fall through: jsonc-parser locates the errors and recovers what it can
    }
  }

  if (tooDeep()) {
    const problem: Problem = { severity: 'error', code: 'too-deep', message: TOO_DEEP_MESSAGE, pointer: '', start: 0, end: Math.min(text.length, 1), source: 'syntax' };
    return { text, empty: true, value: undefined, problems: [problem], root: undefined };
  }
  // jsonc-parser reports one fault several ways at one offset (a trailing comma gives "property
  // name expected" and "value expected"): one problem per place. Past the cap, building the tree
  // stops (a million faults made a tree and problems of gigabytes); a second pass only counts.
  const errors: ParseError[] = [];
  const sink = {
    push(e: ParseError): number {
      if (errors.length > 0 && errors[errors.length - 1].offset === e.offset) return errors.length;
      if (errors.length === MAX_REPORTED_PROBLEMS) throw TOO_MANY;
      return errors.push(e);
    },
  };
  let more = 0;
  try {
    tree = parseTree(text, sink as unknown as ParseError[], PARSE_OPTIONS);
  } catch (e) {
    if (e !== TOO_MANY) throw e;
    tree = undefined;
    let places = 0;
    let last = -1;
    visit(text, { onError: (_error, offset) => (offset !== last ? ((last = offset), places++) : 0) }, PARSE_OPTIONS);
    more = places - errors.length;
  }
  const problems: Problem[] = [];
  for (const e of errors) {
    const comma = trailingComma(text, e.offset);
    problems.push({
      severity: 'error',
      code: 'json-syntax',
      message: comma !== undefined ? `JSON syntax: trailing comma: remove the "," before "${text[e.offset]}".` : describe(e),
      pointer: '',
      start: comma ?? e.offset,
      end: comma !== undefined ? comma + 1 : Math.min(text.length, e.offset + Math.max(1, e.length)),
      source: 'syntax',
    });
  }
  if (more > 0) problems.push(moreProblems(more, problems[problems.length - 1], 'syntax'));
  if (!tree && problems.length === 0) {
    problems.push({
      severity: 'error',
      code: 'empty-file',
      message: 'The file is empty: a payload file holds one JSON object, the body of the request. Start from a snippet (type "mwb-" for the list).',
      pointer: '',
      start: 0,
      end: 0,
      source: 'syntax',
    });
  }
  const root = tree;
  return { text, empty: !root, value: root ? getNodeValue(root) : undefined, problems, root };
}

/** Each object's properties by name, built on first lookup: locating 1,000 problems among 600,000 keys was quadratic. */
const propertyIndex = new WeakMap<Node, Map<string, Node>>();

function childAt(node: Node, seg: PathSegment): Node | undefined {
  if (node.type === 'array') {
    const i = Number(seg);
    return Number.isInteger(i) && i >= 0 ? node.children?.[i] : undefined;
  }
  if (node.type !== 'object') return undefined;
  let index = propertyIndex.get(node);
  if (!index) {
    index = new Map();
    // The first of duplicate keys, as jsonc-parser's findNodeAtLocation finds it.
    for (const prop of node.children ?? []) if (prop.children?.length === 2 && !index.has(prop.children[0].value)) index.set(prop.children[0].value, prop.children[1]);
    propertyIndex.set(node, index);
  }
  return index.get(String(seg));
}

export function nodeAt(doc: ParsedDocument, path: readonly PathSegment[] | string): Node | undefined {
  const segments = typeof path === 'string' ? fromPointer(path) : path;
  let node: Node | undefined = doc.root;
  for (const seg of segments) {
    if (!node) return undefined;
    node = childAt(node, seg);
  }
  return node;
}

/**
 * The range to underline for a pointer: the value itself when it exists, else the nearest
 * existing ancestor's property name (a missing field is reported on the object that lacks it).
 */
export function rangeOf(doc: ParsedDocument, path: readonly PathSegment[] | string): { start: number; end: number } {
  const segments = typeof path === 'string' ? fromPointer(path) : [...path];
  for (let n = segments.length; n >= 0; n--) {
    const node = nodeAt(doc, segments.slice(0, n));
    if (!node) continue;
    if (n < segments.length) {
      // Missing child: underline the parent's key when it has one, else its opening brace.
      const prop = node.parent?.type === 'property' ? node.parent.children?.[0] : undefined;
      if (prop) return { start: prop.offset, end: prop.offset + prop.length };
      return { start: node.offset, end: node.offset + 1 };
    }
    return { start: node.offset, end: node.offset + node.length };
  }
  return { start: 0, end: Math.min(1, doc.text.length) };
}

/** The range of a property's key (for problems about the property rather than its value). */
export function keyRangeOf(doc: ParsedDocument, path: readonly PathSegment[] | string): { start: number; end: number } {
  const node = nodeAt(doc, path);
  const key = node?.parent?.type === 'property' ? node.parent.children?.[0] : undefined;
  return key ? { start: key.offset, end: key.offset + key.length } : rangeOf(doc, path);
}

export { toPointer };
