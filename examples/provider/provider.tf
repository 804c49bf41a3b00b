terraform {
  required_providers {
    callplane = {
      source = "callplane/callplane"
    }
  }
}

# Endpoint and token can also come from CALLPLANE_ENDPOINT and CALLPLANE_TOKEN.
provider "callplane" {
  endpoint = "http://127.0.0.1:8787"
}
