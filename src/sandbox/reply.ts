/** A response the sandbox will write: status, JSON body, content type. */
export interface Reply {
  status: number;
  body?: unknown;
  contentType?: string;
  headers?: Record<string, string>;
}

/** `/buttons/0/title` -> `buttons[0].title`, the way the providers name fields in errors. */
export function fieldName(pointer: string): string {
  if (pointer === '') return '(body)';
  let out = '';
  for (const raw of pointer.slice(1).split('/')) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    out += /^\d+$/.test(seg) ? `[${seg}]` : out ? `.${seg}` : seg;
  }
  return out;
}

/** A validation problem as the sandbox reports it: the field, and what is wrong with it. */
export interface FieldProblem {
  pointer: string;
  field: string;
  message: string;
  code: string;
}
