"""The Lark grammar of an objective sheet, shipped as package data."""
