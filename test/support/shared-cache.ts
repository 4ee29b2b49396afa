/** The environment variable that names the jest run's folder of shared PDFs (test/support/shared-pdfs.ts). */
export const CACHE_VARIABLE = 'PAMPHLET_TEST_SHARED_PDFS';
