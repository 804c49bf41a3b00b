data "callplane_api_tokens" "all" {}

# Tokens that never expire, by name.
output "tokens_without_expiry" {
  value = [for token in data.callplane_api_tokens.all.tokens : token.name if token.expires_at == null]
}
