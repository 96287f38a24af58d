import type { INode, INodeProperties } from 'n8n-workflow';

import { requireWholeNumber } from '../../../common/validation';

export const MAX_LINK_HOURS = 720;

export const expiresInHoursField: INodeProperties = {
	displayName: 'Expires In (Hours)',
	name: 'expiresInHours',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: MAX_LINK_HOURS },
	default: 24,
	description: 'How long the customer can use the link, from 1 hour to 30 days (720 hours)',
};

export function readExpiresInHours(node: INode, itemIndex: number, value: unknown): number {
	return requireWholeNumber(node, itemIndex, 'Expires In (Hours)', value, 1, MAX_LINK_HOURS);
}
