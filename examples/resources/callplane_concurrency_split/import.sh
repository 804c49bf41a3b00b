# Import the split (any id; the tenant id reads best).
terraform import callplane_concurrency_split.this ten_4a7c1e9b
