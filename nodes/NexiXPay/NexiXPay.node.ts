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
import * as order from './actions/order/Order.resource';
import * as payMailLink from './actions/payMailLink/PayMailLink.resource';
import * as report from './actions/report/Report.resource';
import { XPAY_CREDENTIAL } from './protocol/environment';
import { XPayClient } from './transport';

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
];

export class NexiXPay implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Nexi XPay',
		name: 'nexiXPay',
		icon: { light: 'file:../../icons/nexi.svg', dark: 'file:../../icons/nexi.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: operationSubtitle(RESOURCES),
		description:
			'Capture, refund and look up XPay orders, send PayMail payment links and download reports with the Nexi XPay back-office API',
		defaults: { name: 'Nexi XPay' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: XPAY_CREDENTIAL, required: true }],
		properties: resourceProperties(RESOURCES),
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeToOperation.call(this, RESOURCES, XPayClient.connect);
	}
}
