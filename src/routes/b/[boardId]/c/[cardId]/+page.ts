import { error } from '@sveltejs/kit';
import { isId } from '#lib/domain/validation.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = ({ params, data }) => {
	if (!isId(params.cardId)) error(404);
	return { ...data, cardId: params.cardId };
};
