/** How one provider words its answers. The server decides what happened; a dialect says it. */
import type { FieldProblem, Reply } from '../reply';

export interface Dialect {
  unauthorized(reason: string): Reply;
  badJson(detail: string): Reply;
  tooLarge(limitBytes: number): Reply;
  invalid(problems: FieldProblem[]): Reply;
  windowClosed(to: string): Reply;
  accepted(to: string): { reply: Reply; id: string };
  markedRead(id: string): Reply;
}
