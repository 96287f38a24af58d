import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import * as order from './actions/order/Order.resource';
import * as payMailLink from './actions/payMailLink/PayMailLink.resource';
import * as report from './actions/report/Report.resource';
import { router } from './actions/router';

export class NexiXPay implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Nexi XPay',
		name: 'nexiXPay',
		icon: { light: 'file:../../icons/nexi.svg', dark: 'file:../../icons/nexi.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle:
			'={{ { "order:capture": "Capture a payment", "order:refund": "Refund or cancel a payment", "order:get": "Get an order", "order:getMany": "Get many orders", "payMailLink:create": "Create a PayMail link", "payMailLink:regenerate": "Regenerate a PayMail link", "payMailLink:getMany": "Get PayMail links", "report:getMany": "Get reports", "report:download": "Download a report" }[$parameter["resource"] + ":" + $parameter["operation"]] }}',
		description:
			'Capture, refund and look up XPay orders, send PayMail payment links and download reports with the Nexi XPay back-office API',
		defaults: { name: 'Nexi XPay' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'nexiXPayApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Order', value: 'order', description: 'A payment made through XPay' },
					{
						name: 'PayMail Link',
						value: 'payMailLink',
						description: 'A payment link sent to a customer',
					},
					{ name: 'Report', value: 'report', description: 'A scheduled back-office report' },
				],
				default: 'order',
			},
			...order.description,
			...payMailLink.description,
			...report.description,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
