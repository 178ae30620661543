/** Follows EC2's NextToken pagination to the end. */
export async function collectPages<P extends { NextToken?: string }>(
  fetchPage: (nextToken: string | undefined) => Promise<P>,
): Promise<P[]> {
  const pages: P[] = [];
  let nextToken: string | undefined;
  do {
    const page = await fetchPage(nextToken);
    pages.push(page);
    nextToken = page.NextToken || undefined;
  } while (nextToken && pages.length < 1000);
  return pages;
}
