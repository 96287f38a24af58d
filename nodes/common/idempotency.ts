import { createHash } from 'crypto';

import type { INode } from 'n8n-workflow';

/**
 * An Idempotency-Key that is the same each time this item of this node runs in this
 * execution (n8n's Retry On Fail, the node's own retry) and different in another execution:
 * a hash, so nothing about the payment shows in it. 48 characters: XPay takes up to 63,
 * Checkout up to 64.
 */
export function idempotencyKey(
	executionId: string,
	node: INode,
	itemIndex: number,
	parts: Array<string | number>,
): string {
	return createHash('sha256')
		.update([executionId, node.id, itemIndex, ...parts].join('\u0000'))
		.digest('hex')
		.slice(0, 48);
}
