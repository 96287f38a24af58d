import type { INode, INodeProperties } from 'n8n-workflow';

import { requireWholeNumber } from '../../../../common/validation';

/** A link's lifetime when none is given, on Create and (version 2) on Regenerate. */
export const DEFAULT_LINK_HOURS = 24;

export const expiresInHoursField: INodeProperties = {
	displayName: 'Expires In (Hours)',
	name: 'expiresInHours',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: DEFAULT_LINK_HOURS,
	description:
		'How long the customer can use the link, in hours (24 = one day, 720 = 30 days). Nexi documents no maximum: a lifetime it does not accept comes back as its own error.',
};

/** A whole number of hours, at least 1: all Nexi documents. It sets no upper limit, so neither does this. */
export function readExpiresInHours(node: INode, itemIndex: number, value: unknown): number {
	return requireWholeNumber(node, itemIndex, 'Expires In (Hours)', value, 1);
}
