import { STATUS_CODES } from 'node:http';
import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';

import { errorBody } from './error-body';

/**
 * Node answers a request it cannot parse (a URL or headers past its 16 KB limit, a malformed request line) before
 * Koa sees it, with an empty body. Here the same statuses carry the JSON error every other refusal has.
 */
const answer = (status: number, name: string, message: string) => {
  const body = JSON.stringify(errorBody(status, name, message));
  return [
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}`,
    'Content-Type: application/json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Connection: close',
    '',
    body,
  ].join('\r\n');
};

const refusalOf = (code: string | undefined) => {
  if (code === 'HPE_HEADER_OVERFLOW')
    return answer(
      431,
      'RequestHeaderFieldsTooLargeError',
      'The URL and headers of a request are limited to 16 KB: send fewer or shorter query parameters'
    );
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT')
    return answer(408, 'RequestTimeoutError', 'The request was not received in time');
  return answer(400, 'BadRequestError', 'The request is not valid HTTP');
};

export const answerUnparsableRequests = (server: Server) =>
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    // A client that went away, or a socket already answered, gets nothing more.
    if (error.code === 'ECONNRESET' || !socket.writable) socket.destroy();
    else socket.end(refusalOf(error.code));
  });
