import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface Mail {
	from: string;
	to: string[];
	/** The raw message: headers, blank line, body. */
	data: string;
	subject: string;
	at: number;
}

/**
 * A mail sink that speaks just enough SMTP for n8n's Send Email node (no TLS, no auth), so
 * example workflows that e-mail customers run locally and their mails can be checked.
 */
export async function startSmtpSink(
	port = 0,
): Promise<{ port: number; mails: Mail[]; close(): Promise<void> }> {
	const mails: Mail[] = [];
	const sockets = new Set<Socket>();
	const server: Server = createServer((socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
		socket.setEncoding('utf8');
		let buffer = '';
		let from = '';
		let to: string[] = [];
		let inData = false;
		const reply = (line: string) => socket.write(`${line}\r\n`);
		reply('220 nexi-sandbox ESMTP');
		socket.on('data', (chunk: string) => {
			buffer += chunk;
			for (;;) {
				if (inData) {
					const end = buffer.indexOf('\r\n.\r\n');
					if (end < 0) return;
					const data = buffer.slice(0, end).replace(/\r\n\.\./g, '\r\n.');
					buffer = buffer.slice(end + 5);
					inData = false;
					const subject = /^Subject: (.*)$/im.exec(data)?.[1]?.trim() ?? '';
					mails.push({ from, to, data, subject, at: Date.now() });
					reply('250 OK: queued');
					continue;
				}
				const newline = buffer.indexOf('\r\n');
				if (newline < 0) return;
				const line = buffer.slice(0, newline);
				buffer = buffer.slice(newline + 2);
				const verb = line.slice(0, 4).toUpperCase();
				if (verb === 'EHLO' || verb === 'HELO') reply('250 nexi-sandbox');
				else if (verb === 'MAIL') {
					from = /<([^>]*)>/.exec(line)?.[1] ?? '';
					to = [];
					reply('250 OK');
				} else if (verb === 'RCPT') {
					to.push(/<([^>]*)>/.exec(line)?.[1] ?? '');
					reply('250 OK');
				} else if (verb === 'DATA') {
					inData = true;
					reply('354 End data with <CR><LF>.<CR><LF>');
				} else if (verb === 'QUIT') {
					reply('221 Bye');
					socket.end();
				} else if (verb === 'RSET' || verb === 'NOOP') reply('250 OK');
				else reply('502 Command not implemented');
			}
		});
		socket.on('error', () => socket.destroy());
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', () => resolve());
	});
	return {
		port: (server.address() as AddressInfo).port,
		mails,
		close: async () =>
			await new Promise<void>((resolve) => {
				for (const socket of sockets) socket.destroy();
				server.close(() => resolve());
			}),
	};
}
