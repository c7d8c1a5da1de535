"""Search: what each page tells the index (page_data), the index's parts (index_parts) and the Pagefind
index of a built site, part by part (pagefind_index). Pagefind reads the finished HTML, so search does
not depend on the site builder."""
