"""Work done after a write, from the table's stream: home-feed fan-out and clean-up."""
