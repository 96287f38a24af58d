import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { authenticationChoice } from '../common/authentication';
import {
	apiSubtitle,
	defineApi,
	resourceProperties,
	routeByAuthentication,
	type ResourceDefinition,
} from '../common/router';
import { DEFAULT_AUTHENTICATION, XPAY_APIS } from './actions/authentication';
import * as keyOperation from './apiKey/actions/operation/Operation.resource';
import * as keyOrder from './apiKey/actions/order/Order.resource';
import * as keyPaymentLink from './apiKey/actions/paymentLink/PaymentLink.resource';
import { XPayKeyClient } from './apiKey/transport/client';
import * as order from './backOffice/actions/order/Order.resource';
import * as payMailLink from './backOffice/actions/payMailLink/PayMailLink.resource';
import * as report from './backOffice/actions/report/Report.resource';
import * as warning from './backOffice/actions/warning/Warning.resource';
import { searchLinks, searchOrders, searchReports } from './backOffice/methods/listSearch';
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

/** XPay's API-key platform: the same jobs for merchants Nexi gave an API key. */
const KEY_RESOURCES: Array<ResourceDefinition<XPayKeyClient>> = [
	{
		name: 'Order',
		value: 'order',
		description: 'A payment made through XPay',
		defaultOperation: 'get',
		operations: keyOrder,
	},
	{
		name: 'Payment Link',
		value: 'paymentLink',
		description: 'A link a customer pays on XPay’s page',
		defaultOperation: 'create',
		operations: keyPaymentLink,
	},
	{
		name: 'Operation',
		value: 'operation',
		description: 'One payment, capture, refund, void or cancel',
		defaultOperation: 'getMany',
		operations: keyOperation,
	},
];

const APIS = [
	defineApi({
		authentication: 'aliasMacKey',
		resources: RESOURCES,
		connect: XPayClient.connect,
	}),
	defineApi({ authentication: 'apiKey', resources: KEY_RESOURCES, connect: XPayKeyClient.connect }),
];

/** Which XPay API the node speaks, and so which credential it takes. */
const AUTHENTICATION = authenticationChoice(
	XPAY_APIS,
	DEFAULT_AUTHENTICATION,
	'Which XPay API Nexi gave you: the credential tells (an alias and MAC key, or an API key)',
);

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
		subtitle: apiSubtitle(APIS, DEFAULT_AUTHENTICATION),
		description:
			'Capture, refund and look up XPay orders, send payment links, download reports and list 3-D Secure warnings, with either XPay API (alias and MAC key, or API key)',
		defaults: { name: 'Nexi XPay' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: AUTHENTICATION.credentials,
		properties: [
			AUTHENTICATION.property,
			...resourceProperties(RESOURCES, { authentication: ['aliasMacKey'] }),
			...resourceProperties(KEY_RESOURCES, { authentication: ['apiKey'] }),
		],
	};

	methods = { listSearch: { searchLinks, searchOrders, searchReports } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeByAuthentication(this, APIS, DEFAULT_AUTHENTICATION);
	}
}
