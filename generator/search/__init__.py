"""Search: what each page tells the index (page_data) and the Pagefind index of a built site
(pagefind_index). Pagefind reads the finished HTML, so search does not depend on the site builder."""
