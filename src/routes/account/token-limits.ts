/** Shared by the token form and its action. */
export const TOKEN_NAME_MAX = 60;
