import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import {
	operationSubtitle,
	resourceProperties,
	routeToOperation,
	type ResourceDefinition,
} from '../common/router';
import * as order from './backOffice/actions/order/Order.resource';
import * as payMailLink from './backOffice/actions/payMailLink/PayMailLink.resource';
import * as report from './backOffice/actions/report/Report.resource';
import * as warning from './backOffice/actions/warning/Warning.resource';
import { searchLinks, searchOrders, searchReports } from './backOffice/methods/listSearch';
import { XPAY_CREDENTIAL } from './backOffice/protocol/environment';
import { XPayClient } from './backOffice/transport/client';

const RESOURCES: Array<ResourceDefinition<XPayClient>> = [
	{
		name: 'Order',
		value: 'order',
		description: 'A payment made through XPay',
		defaultOperation: 'get',
		operations: order,
	},
	{
		name: 'PayMail Link',
		value: 'payMailLink',
		description: 'A payment link sent to a customer',
		defaultOperation: 'create',
		operations: payMailLink,
	},
	{
		name: 'Report',
		value: 'report',
		description: 'A scheduled back-office report',
		defaultOperation: 'getMany',
		operations: report,
	},
	{
		name: '3-D Secure Warning',
		value: 'warning',
		description: 'A payment whose 3-D Secure data had a problem',
		defaultOperation: 'getMany',
		operations: warning,
	},
];

export class NexiXPay implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Nexi XPay',
		name: 'nexiXPay',
		icon: { light: 'file:../../icons/nexi.svg', dark: 'file:../../icons/nexi.dark.svg' },
		group: ['transform'],
		// 2: Currency defaults to the order's own; captures and refunds say what is left;
		// Regenerate always sends a lifetime; PayPal operations show their capture id; orders,
		// links and reports are picked from lists; reports are listed for a date range.
		version: [1, 2],
		defaultVersion: 2,
		subtitle: operationSubtitle(RESOURCES),
		description:
			'Capture, refund and look up XPay orders, send PayMail payment links, download reports and list 3-D Secure warnings with the Nexi XPay back-office API',
		defaults: { name: 'Nexi XPay' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: XPAY_CREDENTIAL, required: true }],
		properties: resourceProperties(RESOURCES),
	};

	methods = { listSearch: { searchLinks, searchOrders, searchReports } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeToOperation(this, RESOURCES, XPayClient.connect);
	}
}
