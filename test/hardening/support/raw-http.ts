// Raw HTTP/1.1 over a socket, so a fuzz case can send what no well-behaved client would (odd
// methods, unescaped bytes, no Host, a foreign Host, oversized request lines) and still read the
// status line the server answered.
import { connect } from 'node:net';

export interface RawAnswer {
  /** The status of the first response line; null when the server closed without one. */
  status: number | null;
  text: string;
}

export function sendRaw(port: number, request: Buffer | string, timeoutMs = 5_000): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const socket = connect({ host: '127.0.0.1', port });
    let settled = false;
    const finish = (): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      const text = Buffer.concat(chunks).toString('latin1');
      const match = /^HTTP\/1\.[01] (\d{3})/.exec(text);
      resolve({ status: match ? Number(match[1]) : null, text });
    };
    const timer = setTimeout(finish, timeoutMs);
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      // A full answer with a body length we know: no need to wait for the close.
      const text = Buffer.concat(chunks).toString('latin1');
      const head = text.indexOf('\r\n\r\n');
      const length = /\r\ncontent-length: *(\d+)/i.exec(text.slice(0, head))?.[1];
      if (head >= 0 && length !== undefined && Buffer.byteLength(text.slice(head + 4), 'latin1') >= Number(length)) finish();
    });
    socket.on('end', finish);
    socket.on('close', finish);
    // A reset after the server answered (it closes on an over-long request) still leaves the answer.
    socket.on('error', finish);
    socket.write(request);
  });
}
