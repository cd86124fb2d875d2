/** Checks the parcel when an inquiry is filed and when what it owes changes. */
export const CHECK_REACTION = 'inquiry-checks';
/** Issues the signed document of each answer. */
export const ANSWER_REACTION = 'inquiry-answers';
