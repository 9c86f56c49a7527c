/** localStorage key of the chosen theme: "light", "dark", or absent for the system's. */
export const THEME_KEY = "theme";

/**
 * Runs in <head> before first paint (with the CSP nonce), so the page never
 * flashes the wrong theme: the chosen theme, else the system's.
 */
export const themeScript = `(function(){try{var t=localStorage.getItem("${THEME_KEY}");var d=t==="dark"||(t!=="light"&&matchMedia("(prefers-color-scheme: dark)").matches);document.documentElement.classList.toggle("dark",d);}catch(e){}})();`;
