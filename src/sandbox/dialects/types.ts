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
  /** Mark-as-read with an id that is no customer's message (made up, or one of ours). */
  unknownMessage(id: string): Reply;
  /** Too many messages: from one sender this second (`throughput`), or to one customer (`pair`, WhatsApp Cloud). */
  rateLimited(kind: 'throughput' | 'pair', retryAfterMs: number): Reply;
}
