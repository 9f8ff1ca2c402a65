"""OParl objects from the portal's rows: one module per group of object types."""
