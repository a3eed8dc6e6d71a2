// A loopback server for bench/sdk-hostile.ts, in its own process: `big` answers 100 MiB of XML-looking
// text, `bomb` a gzip that inflates to 300 MiB. Prints `listening <url>`, stops on SIGTERM.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';

const MiB = 1024 * 1024;
const bomb = gzipSync(Buffer.alloc(300 * MiB, 0x20), { level: 9 });
const chunk = Buffer.alloc(MiB, 0x20);

const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    if (req.url?.startsWith('/bomb')) {
      res.writeHead(200, { 'content-type': 'application/soap+xml', 'content-encoding': 'gzip' });
      res.end(bomb);
      return;
    }
    res.writeHead(200, { 'content-type': 'application/soap+xml' });
    let sent = 0;
    const pump = () => {
      while (sent < 100 && !res.destroyed) {
        sent += 1;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      res.end();
    };
    res.write('<soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope"><soap:Body>');
    pump();
  });
});
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  console.log(`listening http://127.0.0.1:${port} ${bomb.length}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
