import { createContext, useContext } from "react";

/**
 * The stylesheet's text for the head's <style> (server/http/app-styles.ts): on the server from the
 * request context, in the browser read back from the page, so that hydration and an error page
 * rendered in the browser write the same text.
 */
const AppStylesContext = createContext<string>("");
export const AppStylesProvider = AppStylesContext.Provider;
export const useAppStyles = () => useContext(AppStylesContext);
export const APP_STYLES_ID = "app-styles";
