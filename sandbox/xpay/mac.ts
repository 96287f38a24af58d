import { createHash } from 'node:crypto';

/**
 * The hash every XPay MAC is made of, as Nexi's samples compute it: SHA-1 of the UTF-8 text,
 * in lowercase hex. The sandbox's own, written from the spec, not imported from the node.
 */
export function sha1(text: string): string {
	return createHash('sha1').update(text, 'utf8').digest('hex');
}
