import type { INode } from 'n8n-workflow';

/**
 * What each version of the Nexi XPay nodes does differently, in one place. A saved workflow
 * keeps the version it was made with, so what it does and outputs never changes under it: a
 * new behaviour is a new version, named here (the fields each version shows are chosen in the
 * descriptions, with `inVersions`).
 */
export function versionBehaviour(node: INode) {
	const version2 = node.typeVersion >= 2;
	return {
		/** Nexi XPay 2: each PayPal operation of an order carries its partial-capture id. */
		payPalCaptureIds: version2,
		/** Nexi XPay 2: a capture or refund says what is left to capture and to refund. */
		remainingAmounts: version2,
		/** Nexi XPay 2: Regenerate always sends a lifetime (Create's default when none is given). */
		regenerateSendsLifetime: version2,
		/** Nexi XPay 2: Report → Get Many reads a date range; version 1, one reference date. */
		reportsOverDateRange: version2,
		/** Nexi XPay Trigger 2: a paid PayMail link carries its customer and description. */
		paidLinksWithCustomer: version2,
	};
}
