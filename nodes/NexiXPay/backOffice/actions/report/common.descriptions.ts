import type { IExecuteFunctions, INode, INodeProperties } from 'n8n-workflow';

import { invalidInput } from '../../../../common/validation';

/** The binary field a downloaded report goes in. */
export const binaryPropertyNameField: INodeProperties = {
	displayName: 'Put Output File in Field',
	name: 'binaryPropertyName',
	type: 'string',
	required: true,
	default: 'data',
	hint: 'The name of the output binary field to put the file in',
};

export function readBinaryPropertyName(
	context: IExecuteFunctions,
	itemIndex: number,
	value: unknown = context.getNodeParameter('binaryPropertyName', itemIndex, 'data'),
): string {
	return requireFieldName(context.getNode(), itemIndex, String(value ?? '').trim());
}

function requireFieldName(node: INode, itemIndex: number, name: string): string {
	if (!/^[A-Za-z_$][\w$]*$/.test(name)) {
		throw invalidInput(
			node,
			itemIndex,
			'Put Output File in Field',
			name,
			'a field name such as data',
		);
	}
	return name;
}
