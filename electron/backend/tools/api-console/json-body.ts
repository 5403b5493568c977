// Checks a console body is JSON before it is sent, and says where it breaks (line and column), so
// a typo is fixed in the editor rather than read back from a 400.
import { WorkbenchError } from '../../../common/errors';

function lineAndColumn(text: string, position: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < Math.min(position, text.length); i += 1) {
    if (text.charCodeAt(i) === 10) {
      line += 1;
      lineStart = i + 1;
    }
  }
  return { line, column: position - lineStart + 1 };
}

/** V8 says "... in JSON at position 12 (line 2 column 3)" or "Unexpected end of JSON input". */
function positionOf(message: string, text: string): number {
  const match = /position (\d+)/.exec(message);
  if (match) return Number(match[1]);
  return text.length;
}

/** Null for an empty body; throws INVALID_ARGUMENT with the position of the first error. */
export function checkJsonBody(body: string | null): string | null {
  if (body === null || body.trim().length === 0) return null;
  try {
    JSON.parse(body);
    return body;
  } catch (error) {
    const message = error instanceof Error ? error.message : 'invalid JSON';
    const position = positionOf(message, body);
    const { line, column } = lineAndColumn(body, position);
    // V8's own message quotes a piece of the body, which could be a secret the user pasted: keep only its kind.
    const what = /Unexpected end/.test(message) ? 'the body ends too early' : /Unexpected token|Unexpected non-whitespace|Expected/.test(message) ? 'unexpected character' : 'invalid JSON';
    throw new WorkbenchError('INVALID_ARGUMENT', `The body is not valid JSON: ${what} at line ${line}, column ${column}.`, { field: 'body', line, column, position });
  }
}
