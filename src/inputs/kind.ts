/** The two kinds of cost an agreement charges and a payment is booked to: operating (drift) and investment (investering). */
export type ItemKind = 'operating' | 'investment';
export const ITEM_KINDS: readonly ItemKind[] = ['operating', 'investment'];
