// Plain data (no schema library), so the renderer can import it without pulling zod into its bundle.
export const API_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type ApiMethod = (typeof API_METHODS)[number];
